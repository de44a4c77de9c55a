namespace AiSales.Api.Security;

/// <summary>
/// Encryption__PreviousKeys__0, __1…: older 64-hex-character keys that can still open tokens sealed under
/// them until POST /api/admin/encryption/rotate has re-encrypted everything. Checked at start-up, so a
/// mistyped key stops the service instead of failing on the first send.
/// </summary>
public sealed class EncryptionSettings
{
    public const string Section = "Encryption";

    public List<string> PreviousKeys { get; set; } = [];

    public bool HasValidPreviousKeys() =>
        PreviousKeys.All(k => string.IsNullOrWhiteSpace(k) || (k.Trim().Length == 64 && k.Trim().All(Uri.IsHexDigit)));
}
