using System.Text;

namespace AiSales.Core.Media;

/// <summary>
/// What a file really is, read from its first bytes (magic numbers), never from the name or the type the sender
/// declared. No maintained sniffing library is served here (Mime-Detective is a 0.0.6 beta, HeyRed.Mime needs a
/// native libmagic), and the formats Meta delivers are few: this table is the whole of it.
/// </summary>
public static class MediaSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> needs to decide.</summary>
    public const int HeaderLength = 64;

    public const string Executable = "application/x-executable";

    /// <summary>The content type the bytes show, <see cref="Executable"/> for a program or script, null when unknown.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head, string? declaredMime = null)
    {
        if (head.StartsWith("#!AMR"u8)) return "audio/amr";
        if (IsExecutable(head)) return Executable;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8)) return "image/gif";
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        if (head.StartsWith("%PDF-"u8)) return "application/pdf";
        if (head.StartsWith("OggS"u8)) return "audio/ogg";
        if (head.StartsWith("ID3"u8)) return "audio/mpeg";
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8)) return IsoMedia(head[8..12]);
        if (head.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04])) return OfficeOrZip(declaredMime, OpenXml);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])) return OfficeOrZip(declaredMime, LegacyOffice) ?? "application/x-ole-storage";
        if (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xF6) == 0xF0) return "audio/aac"; // ADTS frame
        if (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0) return "audio/mpeg"; // MPEG audio frame
        if (declaredMime == "text/plain" && LooksLikeText(head)) return "text/plain";
        return null;
    }

    /// <summary>Programs and scripts: Windows PE, ELF, Mach-O (and fat binaries), shell scripts.</summary>
    public static bool IsExecutable(ReadOnlySpan<byte> head) =>
        head.StartsWith("MZ"u8)
        || head.StartsWith((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46])
        || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xED, 0xFA, 0xCE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xED, 0xFA, 0xCF])
        || head.StartsWith((ReadOnlySpan<byte>)[0xCE, 0xFA, 0xED, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xCF, 0xFA, 0xED, 0xFE])
        || head.StartsWith((ReadOnlySpan<byte>)[0xCA, 0xFE, 0xBA, 0xBE])
        || head.StartsWith("#!"u8) && !head.StartsWith("#!AMR"u8);

    private static readonly string[] OpenXml =
    [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ];

    private static readonly string[] LegacyOffice = ["application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint"];

    private static string? OfficeOrZip(string? declared, string[] family) =>
        declared is not null && family.Contains(declared, StringComparer.Ordinal) ? declared : family == OpenXml ? "application/zip" : null;

    private static string IsoMedia(ReadOnlySpan<byte> brand)
    {
        if (brand.StartsWith("3g"u8)) return "video/3gpp";
        if (brand.SequenceEqual("M4A "u8)) return "audio/mp4";
        return "video/mp4";
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        // Valid UTF-8 (a sequence cut at the header's end is fine) without control characters but tab and line breaks.
        foreach (var b in head)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r')) return false;
        }

        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        try
        {
            var chars = new char[head.Length];
            decoder.GetChars(head, chars, flush: false);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
