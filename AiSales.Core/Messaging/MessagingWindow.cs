namespace AiSales.Core.Messaging;

/// <summary>
/// Meta's customer-service windows (contract §5), the one place they are written: free-form replies within 24 hours of
/// the customer's last message; on Instagram a person (never the AI) may answer up to 7 days with the HUMAN_AGENT tag.
/// </summary>
public static class MessagingWindow
{
    public static readonly TimeSpan Standard = TimeSpan.FromHours(24);
    public static readonly TimeSpan InstagramHumanAgent = TimeSpan.FromDays(7);

    public static WindowVerdict Check(string platform, bool byPerson, DateTimeOffset? lastCustomerMessageAt, DateTimeOffset now)
    {
        var age = lastCustomerMessageAt is { } last ? now - last : TimeSpan.MaxValue;
        if (age <= Standard)
        {
            return WindowVerdict.Open;
        }

        return byPerson && platform == Platforms.Instagram && age <= InstagramHumanAgent ? WindowVerdict.HumanAgentTag : WindowVerdict.Closed;
    }

    /// <summary>The AI may answer only inside the standard window.</summary>
    public static bool AiMayReply(DateTimeOffset? lastCustomerMessageAt, DateTimeOffset now) =>
        Check(Platforms.WhatsApp, byPerson: false, lastCustomerMessageAt, now) == WindowVerdict.Open;
}

public enum WindowVerdict
{
    Open,
    /// <summary>Instagram, 24 h to 7 days, a person's reply: sent with "messaging_type":"MESSAGE_TAG","tag":"HUMAN_AGENT".</summary>
    HumanAgentTag,
    Closed,
}
