namespace AiSales.AiAgent.Delivery;

/// <summary>What became of one POST to the Graph API, classified by Meta's error code.</summary>
public enum GraphOutcome
{
    Sent,
    /// <summary>130429, 131056, 4, 80007: reschedule, honouring Retry-After.</summary>
    Throttled,
    /// <summary>1, 2, HTTP 5xx after the in-call retries: reschedule like throttling.</summary>
    Transient,
    /// <summary>131047 (window closed) and everything else Meta refuses.</summary>
    Permanent,
    /// <summary>190: the token is expired or revoked; the channel is disconnected.</summary>
    TokenInvalid,
    /// <summary>Timed out or cut off after the request may have reached Meta: must not be resent blindly.</summary>
    Unknown,
}

public sealed record GraphSendResult(GraphOutcome Outcome, string? ExternalId = null, int? ErrorCode = null, string? ErrorMessage = null, TimeSpan? RetryAfter = null)
{
    public static readonly int[] ThrottlingCodes = [4, 80007, 130429, 131056];
    public static readonly int[] TransientCodes = [1, 2];
    public const int TokenInvalidCode = 190;

    public static GraphOutcome Classify(int? code, int httpStatus)
    {
        if (code is { } c)
        {
            if (ThrottlingCodes.Contains(c)) return GraphOutcome.Throttled;
            if (TransientCodes.Contains(c)) return GraphOutcome.Transient;
            if (c == TokenInvalidCode) return GraphOutcome.TokenInvalid;
        }

        if (httpStatus == 429) return GraphOutcome.Throttled;
        if (httpStatus >= 500) return GraphOutcome.Transient;
        return GraphOutcome.Permanent;
    }
}
