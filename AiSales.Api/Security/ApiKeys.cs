using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace AiSales.Api.Security;

/// <summary>A freshly minted key: the full text is shown once, only the hash of the secret is stored.</summary>
public sealed record NewApiKey(Guid KeyId, string Key, byte[] SecretHash);

/// <summary>
/// Merchant API keys look like <c>aisk_&lt;key id, 32 hex&gt;_&lt;secret, 256 random bits, base64url&gt;</c>.
/// The key id finds the row; the SHA-256 of the secret is then compared in fixed time. A fast hash is
/// enough here because the secret is 256 random bits, not a password.
/// </summary>
public static class ApiKeys
{
    public const string Prefix = "aisk_";
    private const int SecretBytes = 32;

    public static NewApiKey Create()
    {
        var keyId = Guid.CreateVersion7();
        var secret = Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        return new NewApiKey(keyId, $"{Prefix}{keyId:N}_{secret}", HashSecret(secret));
    }

    public static bool TryParse(string? key, out Guid keyId, [NotNullWhen(true)] out string? secret)
    {
        keyId = Guid.Empty;
        secret = null;
        // aisk_ + 32 hex + _ + at least 43 characters of base64url.
        if (key is null || key.Length < Prefix.Length + 33 + 43 || key.Length > 200
            || !key.StartsWith(Prefix, StringComparison.Ordinal) || key[Prefix.Length + 32] != '_'
            || !Guid.TryParseExact(key.AsSpan(Prefix.Length, 32), "N", out keyId))
        {
            return false;
        }

        secret = key[(Prefix.Length + 33)..];
        return true;
    }

    public static byte[] HashSecret(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static bool Matches(string secret, byte[] storedHash) => MatchesHash(HashSecret(secret), storedHash);

    public static bool MatchesHash(byte[] presentedHash, byte[] storedHash) => CryptographicOperations.FixedTimeEquals(presentedHash, storedHash);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
