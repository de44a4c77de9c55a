using System.Text.Json.Nodes;

namespace AiSales.Api.Webhooks;

/// <summary>
/// One normalised item of a webhook body. <see cref="AccountId"/> routes it (WhatsApp phone_number_id,
/// Instagram entry id); <see cref="FallbackAccountId"/> is tried when that is unknown (Instagram recipient id).
/// A null <see cref="Timestamp"/> means "when the event was received".
/// </summary>
public abstract record WebhookItem(string? AccountId, string? FallbackAccountId, DateTimeOffset? Timestamp);

/// <summary>A message the customer sent; a reply trigger when newly stored.</summary>
public sealed record CustomerMessage(
    string? AccountId, string? FallbackAccountId, DateTimeOffset? Timestamp,
    string CustomerId, string? CustomerName, string? ExternalId, string Kind, string? Text, JsonObject Payload,
    string? ReplyToExternalId, bool TriggersReply) : WebhookItem(AccountId, FallbackAccountId, Timestamp);

/// <summary>An Instagram echo: a message sent from the business account, by us or in Meta's own app.</summary>
public sealed record EchoMessage(
    string? AccountId, string? FallbackAccountId, DateTimeOffset? Timestamp,
    string CustomerId, string ExternalId, string Kind, string? Text, JsonObject Payload) : WebhookItem(AccountId, FallbackAccountId, Timestamp);

/// <summary>A reaction to an earlier message (null emoji = removed).</summary>
public sealed record ReactionUpdate(
    string? AccountId, string? FallbackAccountId, DateTimeOffset? Timestamp,
    string TargetExternalId, string? Emoji) : WebhookItem(AccountId, FallbackAccountId, Timestamp);

/// <summary>A WhatsApp delivery status of one of our outbound messages.</summary>
public sealed record StatusUpdate(
    string? AccountId, string? FallbackAccountId, DateTimeOffset? Timestamp,
    string ExternalId, string Status, int? ErrorCode, string? ErrorTitle, string? CallbackData) : WebhookItem(AccountId, FallbackAccountId, Timestamp);

/// <summary>An Instagram unsend: the customer deleted a message.</summary>
public sealed record MessageDeleted(
    string? AccountId, string? FallbackAccountId, DateTimeOffset? Timestamp,
    string ExternalId) : WebhookItem(AccountId, FallbackAccountId, Timestamp);

/// <summary>An Instagram read receipt: everything we sent up to the mid (or the watermark) has been seen.</summary>
public sealed record ReadReceipt(
    string? AccountId, string? FallbackAccountId, DateTimeOffset? Timestamp,
    string CustomerId, string? UpToExternalId, DateTimeOffset? Watermark) : WebhookItem(AccountId, FallbackAccountId, Timestamp);

/// <summary>A verified body that is not JSON or not a shape we know: kept as 'unparsed'.</summary>
public sealed class WebhookShapeException(string message) : Exception(message);
