namespace AiSales.Api.Webhooks;

/// <summary>The inbox could not commit (database unreachable, timeout): the caller answers 503 so Meta retries.</summary>
public sealed class InboxUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
