using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AiSales.Core.Security;
using AiSales.Tests.Webhooks;
using Npgsql;

namespace AiSales.Tests.Media;

/// <summary>A merchant with a channel whose token the fake Graph knows.</summary>
public sealed record MediaShop(Guid MerchantId, string ApiKey, string Platform, string AccountId, string Token, string? WabaId = null);

/// <summary>A media row as the worker left it.</summary>
public sealed record MediaRow(Guid Id, string State, string? MimeType, long? Size, string? Error, Guid ConversationId);

public static class MediaTestData
{
    public static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(60);

    private static readonly SecretProtector Protector = new(Convert.FromHexString(AppHostFixture.EncryptionKeyHex));

    /// <summary>A merchant created through the admin API (for its API key), its channel stored as the merchant API stores it.</summary>
    public static async Task<MediaShop> CreateShopAsync(MediaFixture fixture, string platform, string? wabaId = null)
    {
        using var admin = fixture.CreateApiClient();
        admin.DefaultRequestHeaders.Add("X-Admin-Key", AppHostFixture.AdminApiKey);
        using var timeout = new CancellationTokenSource(WaitTimeout);
        using var response = await admin.PostAsJsonAsync("/api/admin/merchants", new { name = $"Media shop {Guid.NewGuid():N}"[..20] }, timeout.Token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
        var merchantId = body.GetProperty("id").GetGuid();

        var accountId = WebhookTestData.NewNumericId();
        var token = $"EAAG-media-test-{Guid.NewGuid():N}";
        var sealedToken = Protector.Seal(token, $"channel-token:{merchantId}:{platform}");
        await using var command = fixture.DataSource.CreateCommand("""
            INSERT INTO channels (merchant_id, platform, account_id, token_ciphertext, token_key_id, token_last4, waba_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            """);
        command.Parameters.AddWithValue(merchantId);
        command.Parameters.AddWithValue(platform);
        command.Parameters.AddWithValue(accountId);
        command.Parameters.AddWithValue(sealedToken.Ciphertext);
        command.Parameters.AddWithValue(sealedToken.KeyId);
        command.Parameters.AddWithValue(token[^4..]);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, Value = (object?)wabaId ?? DBNull.Value });
        await command.ExecuteNonQueryAsync();
        return new MediaShop(merchantId, body.GetProperty("apiKey").GetString()!, platform, accountId, token, wabaId);
    }

    /// <summary>A WhatsApp conversation whose customer last wrote <paramref name="lastWrote"/> ago.</summary>
    public static async Task<Guid> SeedConversationAsync(MediaFixture fixture, MediaShop shop, string customer, TimeSpan lastWrote)
    {
        await using var command = fixture.DataSource.CreateCommand("""
            WITH c AS (
                INSERT INTO customers (merchant_id, platform, phone) VALUES ($1, 'whatsapp', $2) RETURNING id)
            INSERT INTO conversations (merchant_id, customer_id, platform, customer_phone, status, last_customer_message_at, last_activity_at)
            SELECT $1, c.id, 'whatsapp', $2, 'human', now() - make_interval(secs => $3), now() - make_interval(secs => $3) FROM c
            RETURNING id
            """);
        command.Parameters.AddWithValue(shop.MerchantId);
        command.Parameters.AddWithValue(customer);
        command.Parameters.AddWithValue(lastWrote.TotalSeconds);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A WhatsApp customer's media message, signed like Meta signs it.</summary>
    public static async Task SendWhatsAppMediaAsync(MediaFixture fixture, MediaShop shop, string type, string mediaId, string mimeType)
    {
        var body = JsonSerializer.Serialize(new
        {
            @object = "whatsapp_business_account",
            entry = new[]
            {
                new
                {
                    id = "waba-" + shop.AccountId,
                    changes = new[]
                    {
                        new
                        {
                            field = "messages",
                            value = new Dictionary<string, object>
                            {
                                ["messaging_product"] = "whatsapp",
                                ["metadata"] = new { display_phone_number = "966500000000", phone_number_id = shop.AccountId },
                                ["contacts"] = new[] { new { profile = new { name = "عميل" }, wa_id = "966511111111" } },
                                ["messages"] = new[]
                                {
                                    new Dictionary<string, object>
                                    {
                                        ["from"] = "966511111111",
                                        ["id"] = WebhookTestData.NewExternalId("wamid.media"),
                                        ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(),
                                        ["type"] = type,
                                        [type] = new { id = mediaId, mime_type = mimeType, sha256 = "ignored" },
                                    },
                                },
                            },
                        },
                    },
                },
            },
        });
        await PostAsync(fixture, "whatsapp", body);
    }

    /// <summary>An Instagram customer's attachment, whose payload.url is a direct link.</summary>
    public static async Task SendInstagramAttachmentAsync(MediaFixture fixture, MediaShop shop, string type, string url)
    {
        var body = JsonSerializer.Serialize(new
        {
            @object = "instagram",
            entry = new[]
            {
                new
                {
                    id = shop.AccountId,
                    time = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
                    messaging = new[]
                    {
                        new
                        {
                            sender = new { id = WebhookTestData.NewNumericId(16) },
                            recipient = new { id = shop.AccountId },
                            timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
                            message = new { mid = WebhookTestData.NewExternalId("mid.media"), attachments = new[] { new { type, payload = new { url } } } },
                        },
                    },
                },
            },
        });
        await PostAsync(fixture, "instagram", body);
    }

    /// <summary>Waits until the worker has finished with the file of the merchant's only message carrying one.</summary>
    public static async Task<MediaRow> WaitForMediaAsync(MediaFixture fixture, Guid merchantId)
    {
        var deadline = DateTime.UtcNow + WaitTimeout;
        MediaRow? row = null;
        while (DateTime.UtcNow < deadline)
        {
            await using var command = fixture.DataSource.CreateCommand("""
                SELECT md.id, md.state, md.mime_type, md.size_bytes, md.error, m.conversation_id
                FROM media md JOIN messages m ON m.id = md.message_id
                WHERE md.merchant_id = $1
                """);
            command.Parameters.AddWithValue(merchantId);
            await using var reader = await command.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                row = new MediaRow(reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetInt64(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetGuid(5));
                if (row.State is not ("pending" or "fetching"))
                {
                    return row;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The media of merchant {merchantId} was not fetched within {WaitTimeout}: {row}");
    }

    private static async Task PostAsync(MediaFixture fixture, string platform, string body)
    {
        using var client = fixture.CreateApiClient();
        using var response = await WebhookTestClient.PostAsync(client, platform, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
