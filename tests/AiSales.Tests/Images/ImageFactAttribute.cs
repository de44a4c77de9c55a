namespace AiSales.Tests.Images;

/// <summary>
/// A test over an image archive from scripts/build-images.sh. Building images takes minutes (a Debian base, then a
/// self-contained publish per service), too long for every run: the test runs when the archive is already there
/// (out/images/SERVICE.tar, or AISALES_IMAGE_DIR) or when AISALES_IMAGE_TESTS=1 asks it to build it; otherwise it is
/// reported as skipped, never passed.
/// </summary>
public sealed class ImageFactAttribute : FactAttribute
{
    public ImageFactAttribute(string service)
    {
        if (Environment.GetEnvironmentVariable("AISALES_IMAGE_TESTS") != "1" && !File.Exists(ImageArchives.PathOf(service)))
        {
            Skip = $"no {ImageArchives.PathOf(service)}: run scripts/build-images.sh {service}, or set AISALES_IMAGE_TESTS=1";
        }
    }
}
