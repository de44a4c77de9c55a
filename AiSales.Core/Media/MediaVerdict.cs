namespace AiSales.Core.Media;

/// <summary>Whether a fetched file may be kept: its sniffed content type, or why it is refused.</summary>
public sealed record MediaVerdict(bool Accepted, string? MimeType, string? Refusal)
{
    public static MediaVerdict Accept(string mimeType) => new(true, mimeType, null);

    public static MediaVerdict Refuse(string reason) => new(false, null, reason);

    /// <summary>
    /// A file is kept only when its bytes are what the message says it is (an image is a JPEG, PNG, WebP or GIF…):
    /// an executable is always refused, whatever the name or declared type ("a jpg that is a program").
    /// </summary>
    public static MediaVerdict Of(string type, string platform, long size, ReadOnlySpan<byte> head, string? declaredMime)
    {
        if (MediaLimits.MaxBytes(platform, type) is not { } max)
        {
            return Refuse($"'{type}' files are not fetched from {platform}.");
        }

        if (size > max)
        {
            return Refuse($"Too large: {size} bytes, over the {platform} {type} limit of {max} bytes.");
        }

        var sniffed = MediaSniffer.Sniff(head, declaredMime);
        if (sniffed == MediaSniffer.Executable)
        {
            return Refuse("The file is an executable program.");
        }

        if (sniffed is null)
        {
            return Refuse("The file's content type is not recognised.");
        }

        return Allowed(type).Any(prefix => sniffed.StartsWith(prefix, StringComparison.Ordinal))
            ? Accept(sniffed)
            : Refuse($"The file is {sniffed}, not an allowed {type}.");
    }

    private static string[] Allowed(string type) => type switch
    {
        MediaLimits.Image => ["image/jpeg", "image/png", "image/webp", "image/gif"],
        MediaLimits.Sticker => ["image/webp", "image/png"],
        MediaLimits.Audio => ["audio/", "video/mp4", "video/3gpp"], // voice notes can arrive in an MP4/3GP container
        MediaLimits.Video => ["video/"],
        MediaLimits.Document => ["application/pdf", "application/vnd.", "application/msword", "application/zip", "text/plain",
                                 "image/jpeg", "image/png"],
        _ => [],
    };
}
