using System.Text;

namespace AiSales.Core.Messaging;

/// <summary>
/// Splits a long reply at the platform's limit on a word boundary: WhatsApp counts 4096 characters,
/// Instagram 1000 bytes of UTF-8 (contract section 5: AI and human replies alike). A word longer than the limit is cut, never inside a surrogate pair.
/// </summary>
public static class MessageSplitter
{
    public const int WhatsAppMaxChars = 4096;
    public const int InstagramMaxUtf8Bytes = 1000;

    public static IReadOnlyList<string> Split(string platform, string text) => platform == Platforms.Instagram
        ? Split(text, s => Encoding.UTF8.GetByteCount(s) <= InstagramMaxUtf8Bytes)
        : Split(text, s => s.Length <= WhatsAppMaxChars);

    public static IReadOnlyList<string> Split(string text, Func<string, bool> fits)
    {
        var parts = new List<string>();
        var rest = text.Trim();
        while (rest.Length > 0 && !fits(rest))
        {
            var cut = LongestFittingPrefix(rest, fits);
            var space = rest.LastIndexOfAny([' ', '\n', '\t'], Math.Max(cut - 1, 0));
            var end = space > 0 && space <= cut ? space : cut;
            parts.Add(rest[..end].TrimEnd());
            rest = rest[end..].TrimStart();
        }

        if (rest.Length > 0)
        {
            parts.Add(rest);
        }

        return parts;
    }

    private static int LongestFittingPrefix(string text, Func<string, bool> fits)
    {
        // Binary search: the fitting predicate is monotonic in the prefix length.
        int low = 1, high = text.Length;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (fits(text[..mid])) low = mid; else high = mid - 1;
        }

        if (low < text.Length && char.IsHighSurrogate(text[low - 1]))
        {
            low--;
        }

        return Math.Max(low, 1);
    }
}
