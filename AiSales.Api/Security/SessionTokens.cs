using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace AiSales.Api.Security;

/// <summary>A freshly issued sign-in token: the full text goes to the console once, only the hash of the secret is stored.</summary>
public sealed record NewSessionToken(Guid SessionId, string Token, byte[] SecretHash);

/// <summary>
/// Console sign-in tokens look like <c>aiss_&lt;session id, 32 hex&gt;_&lt;secret, 256 random bits, base64url&gt;</c>,
/// the same shape as API keys with another prefix, so the two schemes never mistake one for the other.
/// </summary>
public static class SessionTokens
{
    public const string Prefix = "aiss_";

    public static NewSessionToken Create()
    {
        var sessionId = Guid.CreateVersion7();
        var secret = RandomTokens.Create();
        return new NewSessionToken(sessionId, $"{Prefix}{sessionId:N}_{secret}", ApiKeys.HashSecret(secret));
    }

    public static bool TryParse(string? token, out Guid sessionId, [NotNullWhen(true)] out string? secret)
    {
        sessionId = Guid.Empty;
        secret = null;
        if (token is null || token.Length < Prefix.Length + 33 + 43 || token.Length > 200
            || !token.StartsWith(Prefix, StringComparison.Ordinal) || token[Prefix.Length + 32] != '_'
            || !Guid.TryParseExact(token.AsSpan(Prefix.Length, 32), "N", out sessionId))
        {
            return false;
        }

        secret = token[(Prefix.Length + 33)..];
        return true;
    }
}

/// <summary>256 random bits as base64url: invite links and session secrets.</summary>
public static class RandomTokens
{
    public static string Create() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
