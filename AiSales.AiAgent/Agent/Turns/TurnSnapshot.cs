using AiSales.AiAgent.Agent.Offline.Dialogue;
using AiSales.AiAgent.Agent.Plugins;
using AiSales.Core.Security;

namespace AiSales.AiAgent.Agent.Turns;

/// <summary>
/// A customer message waiting for the agent, in send order: its text, its platform id (for the read receipt), and its
/// payload when it carries something the turn reads beyond text (a WhatsApp cart, a button or list tap, a quick reply),
/// and its kind ("text", "image", "audio"…).
/// </summary>
public sealed record PendingMessage(long Id, string? Text, string? ExternalId = null, string? Payload = null, string Kind = "text");

/// <summary>
/// What decides whether the AI may speak, read when the turn starts and re-read under the row lock when it commits:
/// the conversation's hands, the merchant's switches, the channel and the window.
/// </summary>
public sealed record TurnGuard(
    string Status, bool AiEnabled, string MerchantStatus, Guid? ChannelId, bool ChannelConnected, string? AccountId,
    SealedSecret? Token, string? Recipient, DateTimeOffset? LastCustomerMessageAt)
{
    public bool CanSendNow => ChannelConnected && AccountId is not null && Token is not null;
}

/// <summary>The conversation as a claimed turn sees it; <c>CatalogId</c>: the WhatsApp channel's Meta catalogue, if any.</summary>
public sealed record TurnConversation(
    Guid Id, Guid MerchantId, Guid CustomerId, string Platform, int FailedTurns, int TurnFailures, MerchantProfile Merchant, TurnGuard Guard,
    DialogueState State, string? CatalogId = null);

/// <summary>
/// A claimed turn's reading, taken in one round trip, after which no connection is held: the conversation, the
/// pending messages to answer (the newest N, in send order; older pending ones are skipped), the history and the draft.
/// </summary>
public sealed record TurnSnapshot(
    TurnConversation Conversation,
    IReadOnlyList<PendingMessage> Answer,
    bool SkipsOlder,
    IReadOnlyList<HistoryMessage> History,
    OrderView? Draft,
    bool WaitsForEarlierEvents);
