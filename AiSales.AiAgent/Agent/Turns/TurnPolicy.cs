using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.Core.Messaging;

namespace AiSales.AiAgent.Agent.Turns;

/// <summary>
/// The rules of a turn, without a database: when the AI must stay silent, which language it answers in, how failures
/// are retried and when they end. Unit-tested in tests/AiSales.UnitTests.
/// </summary>
public static class TurnPolicy
{
    /// <summary>Why the AI must not answer (checked when the turn starts and again when its reply commits), or null.</summary>
    public static string? SkipReason(TurnGuard guard, DateTimeOffset now)
    {
        if (guard.Status == "human") return "a person handles this conversation";
        if (!guard.AiEnabled) return "the merchant turned the AI off";
        if (guard.MerchantStatus != "active") return "the merchant is disabled";
        if (guard.ChannelId is null) return "the merchant has no channel for this platform";
        if (guard.Recipient is null) return "no recipient";
        return MessagingWindow.AiMayReply(guard.LastCustomerMessageAt, now) ? null : "the 24-hour window is closed";
    }

    /// <summary>The merchant's language when fixed; with auto, the customer's: Arabic script → Arabic, Latin → English, neither → as before.</summary>
    public static string ReplyLanguage(string merchantLanguage, IReadOnlyList<string> current, IReadOnlyList<HistoryMessage> history)
    {
        if (merchantLanguage is "ar" or "en")
        {
            return merchantLanguage;
        }

        foreach (var text in current.Reverse().Concat(history.Where(h => h.FromCustomer).Select(h => h.Text).Reverse()))
        {
            if (TextFolding.IsArabicScript(text)) return "ar";
            if (text.Any(char.IsAsciiLetter)) return "en";
        }

        return "en";
    }

    /// <summary>After a failed try: the pause before the next one, or null when the turn gives up (fallback and handoff).</summary>
    public static TimeSpan? RetryAfter(int failures, int maxAttempts) => failures >= Math.Max(1, maxAttempts)
        ? null
        : TimeSpan.FromSeconds(Math.Min(30, Math.Pow(3, failures - 1)));

    /// <summary>What the customer reads when the AI gives up: short, in their language, a person will answer.</summary>
    public static string FallbackText(string language) => language == "ar"
        ? "عذرًا، تعذّر الرد الآن. حوّلت المحادثة إلى أحد موظفينا، وسيرد عليك قريبًا."
        : "Sorry, I can't answer that right now. I've passed your message to our team and a person will reply shortly.";

    /// <summary>What the merchant reads on the conversation when the AI gave up.</summary>
    public static string GiveUpReason(int attempts, string error) =>
        $"The assistant failed {attempts} time(s) and handed over: {error}";

    /// <summary>Turns in a row where nothing helped; two hand the conversation over.</summary>
    public static int FailedTurnsAfter(int before, bool helped, bool handedOff, bool searchMissed) =>
        helped || handedOff || !searchMissed ? 0 : before + 1;

    public const int FailedTurnsBeforeHandoff = 2;
}
