using System.Security.Cryptography;
using System.Text;

namespace AiSales.MetaSimulator.Customers;

/// <summary>Signs webhook bodies as Meta does: <c>X-Hub-Signature-256: sha256=</c> + lowercase hex HMAC-SHA256 of the raw bytes.</summary>
public sealed class WebhookSigner(string appSecret)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(appSecret);

    public string Sign(ReadOnlySpan<byte> body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, body));
}
