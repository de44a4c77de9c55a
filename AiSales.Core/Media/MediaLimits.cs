using AiSales.Core.Messaging;

namespace AiSales.Core.Media;

/// <summary>
/// The customer files we fetch and the largest each platform delivers (docs/media.md). WhatsApp Cloud API: image 5 MB,
/// audio and video 16 MB, document 100 MB, sticker 500 KB (animated; static ones are 100 KB). Instagram's Messenger
/// Platform attachments: image 8 MB, audio, video and file 25 MB. A file past its limit is refused, never stored.
/// </summary>
public static class MediaLimits
{
    public const string Image = "image";
    public const string Audio = "audio";
    public const string Video = "video";
    public const string Document = "document";
    public const string Sticker = "sticker";

    private const long MB = 1024 * 1024;

    public static readonly IReadOnlyList<string> Types = [Image, Audio, Video, Document, Sticker];

    public static bool IsMediaType(string type) => Types.Contains(type, StringComparer.Ordinal);

    /// <summary>The largest file of this type on this platform, in bytes; null for a type we do not fetch.</summary>
    public static long? MaxBytes(string platform, string type) => (platform, type) switch
    {
        (Platforms.WhatsApp, Image) => 5 * MB,
        (Platforms.WhatsApp, Audio or Video) => 16 * MB,
        (Platforms.WhatsApp, Document) => 100 * MB,
        (Platforms.WhatsApp, Sticker) => 500 * 1024,
        (Platforms.Instagram, Image) => 8 * MB,
        (Platforms.Instagram, Audio or Video or Document) => 25 * MB,
        _ => null,
    };
}
