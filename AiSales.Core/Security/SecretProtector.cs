using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AiSales.Core.Security;

/// <summary>A secret sealed at rest: AES-256-GCM output (nonce || ciphertext || tag) and the id of the key that sealed it.</summary>
public sealed record SealedSecret(byte[] Ciphertext, string KeyId);

/// <summary>Thrown when a sealed secret cannot be opened: unknown key id, wrong key, or tampered bytes.</summary>
public sealed class SecretDecryptionException(string message) : Exception(message);

/// <summary>
/// Encrypts secrets at rest (channel access tokens) with AES-256-GCM under ENCRYPTION_KEY_HEX. Each
/// ciphertext is stored with its key id (derived from the key, never the key itself), so a new key can be
/// introduced while older keys, listed in Encryption__PreviousKeys__0, __1…, still open what they sealed
/// until everything is re-encrypted. The associated data binds a ciphertext to its row, so ciphertexts
/// cannot be swapped between merchants.
/// </summary>
public sealed class SecretProtector
{
    public const string KeySetting = "ENCRYPTION_KEY_HEX";
    public const string PreviousKeysSetting = "Encryption:PreviousKeys";

    // Development only, when ENCRYPTION_KEY_HEX is not set: documented, never valid outside Development.
    private const string DevelopmentKeyHex = "6c6f63616c2d6465762d6b65792d6e6f742d666f722d70726f64756374696f6e";

    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _currentKey;
    private readonly Dictionary<string, byte[]> _keys = new(StringComparer.Ordinal);

    public SecretProtector(byte[] currentKey, IEnumerable<byte[]>? previousKeys = null)
    {
        if (currentKey.Length != 32)
        {
            throw new ArgumentException("The encryption key must be 32 bytes.", nameof(currentKey));
        }

        _currentKey = currentKey;
        CurrentKeyId = KeyIdOf(currentKey);
        _keys[CurrentKeyId] = currentKey;
        foreach (var key in previousKeys ?? [])
        {
            _keys.TryAdd(KeyIdOf(key), key);
        }
    }

    public string CurrentKeyId { get; }

    public static SecretProtector FromConfiguration(IConfiguration configuration, IHostEnvironment environment, ILogger? logger = null)
    {
        var hex = configuration[KeySetting];
        if (string.IsNullOrWhiteSpace(hex))
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException($"Setting {KeySetting} is missing.");
            }

            logger?.LogWarning("{Setting} is not set: using the built-in development key. Never run like this outside Development.", KeySetting);
            hex = DevelopmentKeyHex;
        }

        var previous = configuration.GetSection(PreviousKeysSetting).GetChildren()
            .Select(c => c.Value)
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .Select(v => ParseKey(v!, PreviousKeysSetting));
        return new SecretProtector(ParseKey(hex, KeySetting), previous);
    }

    public SealedSecret Seal(string plaintext, string associatedData)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + plain.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_currentKey, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length), Encoding.UTF8.GetBytes(associatedData));
        return new SealedSecret(output, CurrentKeyId);
    }

    public string Open(SealedSecret secret, string associatedData)
    {
        if (!_keys.TryGetValue(secret.KeyId, out var key))
        {
            throw new SecretDecryptionException($"No configured encryption key has id {secret.KeyId}; add it to {PreviousKeysSetting}.");
        }

        if (secret.Ciphertext.Length < NonceSize + TagSize)
        {
            throw new SecretDecryptionException("The sealed secret is truncated.");
        }

        var cipherLength = secret.Ciphertext.Length - NonceSize - TagSize;
        var plain = new byte[cipherLength];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(
                secret.Ciphertext.AsSpan(0, NonceSize),
                secret.Ciphertext.AsSpan(NonceSize, cipherLength),
                secret.Ciphertext.AsSpan(NonceSize + cipherLength),
                plain,
                Encoding.UTF8.GetBytes(associatedData));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new SecretDecryptionException("The sealed secret could not be authenticated (wrong key or altered data).");
        }

        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>True when the secret was sealed under an older key and should be re-encrypted.</summary>
    public bool NeedsRotation(SealedSecret secret) => secret.KeyId != CurrentKeyId;

    public static string KeyIdOf(byte[] key) => Convert.ToHexStringLower(SHA256.HashData(key))[..12];

    private static byte[] ParseKey(string hex, string setting)
    {
        hex = hex.Trim();
        if (hex.Length != 64 || !hex.All(Uri.IsHexDigit))
        {
            throw new InvalidOperationException($"Setting {setting.Replace(":", "__", StringComparison.Ordinal)} must be 64 hex characters (32 bytes).");
        }

        return Convert.FromHexString(hex);
    }
}
