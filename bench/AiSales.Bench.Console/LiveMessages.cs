using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AiSales.Bench.Console;

/// <summary>Signed WhatsApp text webhooks from one customer, POSTed to the api; returns when each was acknowledged (epoch ms).</summary>
public sealed class LiveMessages(HttpClient api, string phoneNumberId, string customerPhone)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(ConsolePlatform.MetaAppSecret);

    public async Task<long> SendAsync(string text)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            @object = "whatsapp_business_account",
            entry = new[]
            {
                new
                {
                    id = "102290129340398",
                    changes = new[]
                    {
                        new
                        {
                            field = "messages",
                            value = new
                            {
                                messaging_product = "whatsapp",
                                metadata = new { display_phone_number = "15550783881", phone_number_id = phoneNumberId },
                                contacts = new[] { new { profile = new { name = "Live customer" }, wa_id = customerPhone } },
                                messages = new[]
                                {
                                    new { from = customerPhone, id = $"wamid.live{Guid.NewGuid():N}", timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(), type = "text", text = new { body = text } },
                                },
                            },
                        },
                    },
                },
            },
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/whatsapp") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, body)));
        using var response = await api.SendAsync(request);
        var acknowledged = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The webhook was answered {(int)response.StatusCode}.");
        }

        return acknowledged;
    }
}
