namespace AiSales.Tests.Images;

/// <summary>
/// The images scripts/build-images.sh builds without a Docker engine: valid OCI archives whose self-contained
/// entrypoint runs as a non-root user on the Debian base (one image is checked; they are built alike).
/// </summary>
public sealed class ImageArchiveTests
{
    [ImageFact("migrations")]
    public async Task MigrationsImageIsAnOciArchiveWhoseEntrypointStartsAsNonRoot()
    {
        var image = await ImageArchives.OpenAsync("migrations");

        Assert.Equal("1654", image.Config.GetProperty("User").GetString());
        Assert.Equal(["/app/AiSales.MigrationService"], image.Config.GetProperty("Entrypoint").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2, image.Layers.Count); // the Debian base, then the published app

        // Started with no connection string, the migrator must get as far as its own settings check (exit 2): the
        // runtime, ICU and OpenSSL it was published with all load on the base, as the image's user.
        var run = await ImageArchives.RunEntrypointAsync(image, TimeSpan.FromSeconds(60));
        if (run is { } started)
        {
            Assert.True(started.ExitCode == 2, $"exit {started.ExitCode}: {started.Output}");
            Assert.Contains("ConnectionStrings__aisalesdb is missing", started.Output);
        }
    }
}
