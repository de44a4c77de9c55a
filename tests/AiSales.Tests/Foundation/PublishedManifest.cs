using System.Diagnostics;
using System.Text.Json;

namespace AiSales.Tests.Foundation;

/// <summary>
/// The manifest azd consumes, written by the built AppHost (`--publisher manifest`) into a temporary folder with the
/// given environment, and the files written beside it. Deleted on dispose.
/// </summary>
public sealed class PublishedManifest : IDisposable
{
    private readonly DirectoryInfo _folder;

    private PublishedManifest(DirectoryInfo folder, string text)
    {
        _folder = folder;
        Text = text;
        Document = JsonDocument.Parse(text);
    }

    public string Text { get; }

    public JsonDocument Document { get; }

    public JsonElement Resources => Document.RootElement.GetProperty("resources");

    public string Folder => _folder.FullName;

    public JsonElement Resource(string name) =>
        Resources.TryGetProperty(name, out var resource) ? resource : throw new Xunit.Sdk.XunitException($"manifest lacks {name}");

    public static async Task<PublishedManifest> WriteAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var folder = Directory.CreateTempSubdirectory("aisales-manifest-");
        var manifestPath = Path.Combine(folder.FullName, "aspire-manifest.json");
        var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { ServiceProcess.AssemblyPath("AiSales.AppHost"), "--publisher", "manifest", "--output-path", manifestPath })
        {
            startInfo.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[key] = value;
        }

        startInfo.WorkingDirectory = Path.Combine(ServiceProcess.RepositoryRoot(), "AiSales.AppHost");
        using var process = Process.Start(startInfo)!;
        var log = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, await log + await errors);
        return new PublishedManifest(folder, await File.ReadAllTextAsync(manifestPath));
    }

    public void Dispose()
    {
        Document.Dispose();
        _folder.Delete(recursive: true);
    }
}
