namespace AiSales.Api.Webhooks;

/// <summary>
/// How the inbox keeps its promise of a 503 within <see cref="WebhookOptions.InboxCommitTimeout"/> when PostgreSQL hangs
/// (alive to TCP, answering nothing). Npgsql abandons a statement that timed out against such a server only after twice
/// its connect timeout more (measured with a frozen server: 10 s + 2 × 15 s by default), so both are cut to fit.
/// </summary>
public static class InboxTimeouts
{
    /// <summary>The webhook pool's connect timeout unless the connection string sets one: a fifth of the commit timeout (2 s of 10).</summary>
    public static int ConnectSeconds(TimeSpan commitTimeout) => Math.Clamp((int)Math.Ceiling(commitTimeout.TotalSeconds / 5), 1, 15);

    /// <summary>The INSERT's command timeout: what is left of the commit timeout after Npgsql's two connect timeouts.</summary>
    public static int CommandSeconds(TimeSpan commitTimeout, int connectSeconds) =>
        Math.Max(1, (int)Math.Ceiling(commitTimeout.TotalSeconds) - 2 * connectSeconds);
}
