using Npgsql;

namespace AiSales.Tests.Foundation;

/// <summary>The exact failure of the earlier build: ON CONFLICT needs the partial unique indexes to exist.</summary>
[Collection(AppHostCollection.Name)]
public sealed class ConversationUniquenessTests(AppHostFixture fixture)
{
    private const string UpsertByPhone = """
        INSERT INTO conversations (merchant_id, customer_id, platform, customer_phone)
        VALUES ($1, $2, 'whatsapp', $3)
        ON CONFLICT (merchant_id, customer_phone, platform) WHERE customer_phone IS NOT NULL
        DO UPDATE SET last_activity_at = now()
        RETURNING id
        """;

    private const string UpsertByInstagram = """
        INSERT INTO conversations (merchant_id, customer_id, platform, customer_instagram)
        VALUES ($1, $2, 'instagram', $3)
        ON CONFLICT (merchant_id, customer_instagram, platform) WHERE customer_instagram IS NOT NULL
        DO UPDATE SET last_activity_at = now()
        RETURNING id
        """;

    [Theory]
    [InlineData("whatsapp")]
    [InlineData("instagram")]
    public async Task TwoUpsertsForOneCustomerYieldOneConversation(string platform)
    {
        await using var dataSource = fixture.CreateDataSource();
        var (merchantId, customerId, handle) = await SeedCustomerAsync(dataSource, platform);
        var sql = platform == "whatsapp" ? UpsertByPhone : UpsertByInstagram;

        var first = await UpsertAsync(dataSource, sql, merchantId, customerId, handle);
        var second = await UpsertAsync(dataSource, sql, merchantId, customerId, handle);

        Assert.Equal(first, second);
        Assert.Equal(1L, await CountConversationsAsync(dataSource, merchantId));
    }

    [Fact]
    public async Task ConcurrentUpsertsForOneCustomerYieldOneConversation()
    {
        await using var dataSource = fixture.CreateDataSource();
        var (merchantId, customerId, phone) = await SeedCustomerAsync(dataSource, "whatsapp");

        var ids = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => Task.Run(() => UpsertAsync(dataSource, UpsertByPhone, merchantId, customerId, phone))));

        Assert.Single(ids.Distinct());
        Assert.Equal(1L, await CountConversationsAsync(dataSource, merchantId));
    }

    private static async Task<(Guid MerchantId, Guid CustomerId, string Handle)> SeedCustomerAsync(NpgsqlDataSource dataSource, string platform)
    {
        var handle = Random.Shared.NextInt64(10_000_000_000, 99_999_999_999).ToString();
        await using var merchant = dataSource.CreateCommand("INSERT INTO merchants (name) VALUES ('Uniqueness test shop') RETURNING id");
        var merchantId = (Guid)(await merchant.ExecuteScalarAsync())!;
        await using var customer = dataSource.CreateCommand(platform == "whatsapp"
            ? "INSERT INTO customers (merchant_id, platform, phone) VALUES ($1, 'whatsapp', $2) RETURNING id"
            : "INSERT INTO customers (merchant_id, platform, instagram_id) VALUES ($1, 'instagram', $2) RETURNING id");
        customer.Parameters.AddWithValue(merchantId);
        customer.Parameters.AddWithValue(handle);
        var customerId = (Guid)(await customer.ExecuteScalarAsync())!;
        return (merchantId, customerId, handle);
    }

    private static async Task<Guid> UpsertAsync(NpgsqlDataSource dataSource, string sql, Guid merchantId, Guid customerId, string handle)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue(merchantId);
        command.Parameters.AddWithValue(customerId);
        command.Parameters.AddWithValue(handle);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> CountConversationsAsync(NpgsqlDataSource dataSource, Guid merchantId)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM conversations WHERE merchant_id = $1");
        command.Parameters.AddWithValue(merchantId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
