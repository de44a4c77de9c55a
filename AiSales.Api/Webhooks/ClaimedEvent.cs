namespace AiSales.Api.Webhooks;

/// <summary>A raw webhook event claimed for normalisation, and the state it ends in.</summary>
public sealed class ClaimedEvent(long id, string platform, byte[] body, DateTimeOffset receivedAt)
{
    public long Id { get; } = id;

    public string Platform { get; } = platform;

    public byte[] Body { get; } = body;

    public DateTimeOffset ReceivedAt { get; } = receivedAt;

    public string? State { get; set; }

    public string? Error { get; set; }

    /// <summary>An item of this event named an account no channel has: kept 'unrouted', safe to replay once it is connected.</summary>
    public void MarkUnrouted(string? accountId)
    {
        State = "unrouted";
        Error = WebhookJson.Truncate($"{Error}Unknown account: {accountId ?? "(none)"}. ", 2000);
    }
}
