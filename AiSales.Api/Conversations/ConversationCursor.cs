using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace AiSales.Api.Conversations;

/// <summary>
/// An opaque keyset cursor over (last_activity_at, id), newest first: stable while new messages arrive,
/// unlike an offset. Ticks keep the microsecond precision of timestamptz exactly.
/// </summary>
public readonly record struct ConversationCursor(DateTimeOffset LastActivityAt, Guid Id)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes($"{LastActivityAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{Id:N}"));

    public static bool TryDecode(string? text, out ConversationCursor cursor)
    {
        cursor = default;
        try
        {
            var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(text)).Split(':');
            if (parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks
                && Guid.TryParseExact(parts[1], "N", out var id))
            {
                cursor = new ConversationCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
                return true;
            }
        }
        catch (FormatException)
        {
        }

        return false;
    }
}
