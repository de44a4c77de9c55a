using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace AiSales.Tests.MerchantApi;

public sealed record TestMerchant(Guid Id, string Name, string ApiKey);

/// <summary>
/// Test data for the merchant API. Merchants and channels go through the API; conversations, messages and
/// orders, which ingestion and the agent write in production, are seeded with SQL here.
/// </summary>
public static class MerchantApiTestData
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static async Task<TestMerchant> CreateMerchantAsync(MerchantApiFactory api, string? name = null)
    {
        using var admin = api.CreateAdminClient();
        name ??= $"Shop {Guid.NewGuid():N}"[..16];
        using var response = await admin.PostAsJsonAsync("/api/admin/merchants", new { name }, Timeout());
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {api.RecentErrors()}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new TestMerchant(body.GetProperty("id").GetGuid(), name, body.GetProperty("apiKey").GetString()!);
    }

    public static string UniqueAccountId() => Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999).ToString();

    public static async Task<string> ConnectChannelAsync(HttpClient merchant, string platform, string? accountId = null, string? token = null)
    {
        accountId ??= UniqueAccountId();
        token ??= $"EAAG{Guid.NewGuid():N}{Guid.NewGuid():N}";
        FakeGraphOwners.Shared.Own(token, accountId);
        object body = platform == "whatsapp"
            ? new { phoneNumberId = accountId, accessToken = token }
            : new { accountId, accessToken = token };
        using var response = await merchant.PutAsJsonAsync($"/api/merchant/channels/{platform}", body, Timeout());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return accountId;
    }

    public sealed record SeededConversation(Guid Id, Guid CustomerId, string Handle);

    /// <summary>A conversation whose customer last wrote <paramref name="customerWroteAgo"/> ago, with one inbound message.</summary>
    public static async Task<SeededConversation> SeedConversationAsync(
        NpgsqlDataSource db, Guid merchantId, string platform, TimeSpan customerWroteAgo, string status = "ai", TimeSpan? activityAgo = null)
    {
        var handle = platform == "whatsapp" ? $"9665{Random.Shared.Next(10_000_000, 99_999_999)}" : UniqueAccountId();
        await using var command = db.CreateCommand($"""
            WITH customer AS (
                INSERT INTO customers (merchant_id, platform, {(platform == "whatsapp" ? "phone" : "instagram_id")}, display_name)
                VALUES ($1, $2, $3, 'Test Customer') RETURNING id
            ), conversation AS (
                INSERT INTO conversations (merchant_id, customer_id, platform, {(platform == "whatsapp" ? "customer_phone" : "customer_instagram")},
                                           status, last_customer_message_at, last_activity_at)
                SELECT $1, customer.id, $2, $3, $4, now() - $5::interval, now() - $6::interval FROM customer RETURNING id, customer_id
            ), message AS (
                INSERT INTO messages (merchant_id, conversation_id, platform, external_id, direction, author, text, platform_timestamp, sent_at, created_at)
                SELECT $1, conversation.id, $2, 'ext-' || gen_random_uuid(), 'inbound', 'customer', 'مرحبا، هل الحقيبة متوفرة؟',
                       now() - $5::interval, now() - $5::interval, now() - $5::interval
                FROM conversation RETURNING id
            )
            SELECT conversation.id, conversation.customer_id, (SELECT count(*) FROM message) FROM conversation
            """);
        command.Parameters.AddWithValue(merchantId);
        command.Parameters.AddWithValue(platform);
        command.Parameters.AddWithValue(handle);
        command.Parameters.AddWithValue(status);
        command.Parameters.AddWithValue(customerWroteAgo);
        command.Parameters.AddWithValue(activityAgo ?? customerWroteAgo);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new SeededConversation(reader.GetGuid(0), reader.GetGuid(1), handle);
    }

    /// <summary>An order with two lines (2 × 10.500 and 1 × 4.250: total 25.250).</summary>
    public static async Task<Guid> SeedOrderAsync(NpgsqlDataSource db, Guid merchantId, Guid? conversationId, string status = "draft")
    {
        await using var command = db.CreateCommand("""
            WITH o AS (
                INSERT INTO orders (merchant_id, conversation_id, status, customer_name, customer_phone, shipping_address, currency, total)
                VALUES ($1, $2, $3, 'Test Customer', '966500000000', 'Riyadh', 'SAR', 25.250) RETURNING id
            ), items AS (
                INSERT INTO order_items (order_id, sku, name, unit_price, quantity)
                SELECT o.id, v.sku, v.name, v.price, v.qty FROM o,
                       (VALUES ('BAG-1', 'حقيبة جلد', 10.500, 2), ('WAL-1', 'Wallet', 4.250, 1)) AS v(sku, name, price, qty)
                RETURNING id
            )
            SELECT o.id FROM o, (SELECT count(*) FROM items) i
            """);
        command.Parameters.AddWithValue(merchantId);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid, Value = (object?)conversationId ?? DBNull.Value });
        command.Parameters.AddWithValue(status);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<Guid> CreateProductAsync(HttpClient merchant, string sku, string name, decimal price = 10m, string description = "")
    {
        using var response = await merchant.PostAsJsonAsync("/api/products", new { sku, name, description, price, currency = "SAR", stock = 5 }, Timeout());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static CancellationToken Timeout() => new CancellationTokenSource(RequestTimeout).Token;
}
