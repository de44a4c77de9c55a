namespace AiSales.Tests.Images;

/// <summary>
/// A test over an image archive from scripts/build-images.sh. It runs when AISALES_IMAGE_TESTS=1 (test.sh sets it
/// unless told otherwise: it builds the archive, about 1.5 min the first time for the Debian base, then ~20 s) or
/// when an archive is already there (out/images/SERVICE.tar, or AISALES_IMAGE_DIR); AISALES_IMAGE_TESTS=0, or
/// neither, reports it as skipped, never passed.
/// </summary>
public sealed class ImageFactAttribute : FactAttribute
{
    public ImageFactAttribute(string service)
    {
        if (Environment.GetEnvironmentVariable("AISALES_IMAGE_TESTS") == "0")
        {
            Skip = "AISALES_IMAGE_TESTS=0";
        }
        else if (!ImageArchives.BuildDuringRun && !File.Exists(ImageArchives.PathOf(service)))
        {
            Skip = $"no {ImageArchives.PathOf(service)}: run scripts/build-images.sh {service}, or set AISALES_IMAGE_TESTS=1";
        }
    }
}
