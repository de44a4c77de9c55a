namespace AiSales.Web.Inbox;

/// <summary>What stops a person's message in a conversation now; the first that applies is the one said.</summary>
public enum ReplyBlock
{
    None,

    /// <summary>The shop's channel for the platform is not connected (Meta rejected its token): nothing reaches the customer.</summary>
    ChannelDisconnected,

    /// <summary>The AI answers the conversation: a person takes it over first.</summary>
    AiAnswers,

    /// <summary>Meta's window since the customer's last message is closed (on WhatsApp only a template still reaches them).</summary>
    WindowClosed,
}

/// <summary>
/// The reply box's rule, from the API's facts about the conversation (<c>channelConnected</c>, <c>replyWindowClosesAt</c>:
/// the API decides both the same way it decides a send), so the console disables what the API would refuse with a 409.
/// </summary>
public static class ReplyRule
{
    public static ReplyBlock For(Conversation conversation, DateTimeOffset now) =>
        !conversation.ChannelConnected ? ReplyBlock.ChannelDisconnected
        : conversation.Status != "human" ? ReplyBlock.AiAnswers
        : WindowClosed(conversation, now) ? ReplyBlock.WindowClosed
        : ReplyBlock.None;

    /// <summary>Closed, or never opened (the customer has not written).</summary>
    public static bool WindowClosed(Conversation conversation, DateTimeOffset now) =>
        conversation.ReplyWindowClosesAt is not { } closes || closes <= now;
}
