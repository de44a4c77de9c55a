using Npgsql;
using static AiSales.Tests.Webhooks.WebhookTestData;

namespace AiSales.Tests.Webhooks;

/// <summary>
/// Customers' files are kept Media__RetentionDays (docs/media.md), then their bytes and rows are deleted in small batches
/// by the API's media retention; younger files and the messages themselves stay.
/// </summary>
[Collection(WebhooksCollection.Name)]
public sealed class MediaRetentionTests(AppHostFixture fixture)
{
    [Fact]
    public async Task FilesPastTheRetentionAreDeletedWithTheirRowsInBatchesAndYoungerOnesKept()
    {
        await using var db = fixture.CreateDataSource();
        var directory = Path.Combine(Path.GetTempPath(), $"aisales-media-retention-{Guid.NewGuid():N}");
        var merchantId = await CreateMerchantAsync(db);
        var conversationId = await CreateConversationAsync(db, merchantId);
        var old = new List<Guid>();
        foreach (var days in new[] { 31, 40, 45 })
        {
            old.Add(await CreateMediaAsync(db, directory, merchantId, conversationId, TimeSpan.FromDays(days)));
        }

        var young = await CreateMediaAsync(db, directory, merchantId, conversationId, TimeSpan.FromDays(29));
        var environment = fixture.ApiEnvironment();
        environment["Webhooks__ProcessorWorkers"] = "0";
        environment["Media__Workers"] = "0";
        environment["Media__Directory"] = directory;
        environment["Media__RetentionDays"] = "30";
        environment["Media__RetentionInterval"] = "00:00:01";
        environment["Media__RetentionBatchSize"] = "1"; // many batches: the loop goes on until a short one

        try
        {
            await using var api = ServiceProcess.Start("AiSales.Api", environment, http: true);
            using var client = await api.WaitUntilAliveAsync(TimeSpan.FromSeconds(90));
            var remaining = await WaitForAsync<long>(db, count => count <= 1,
                "SELECT count(*) FROM media WHERE merchant_id = $1", merchantId);

            Assert.Equal(1L, remaining);
            Assert.Equal(young, await ScalarAsync<Guid>(db, "SELECT id FROM media WHERE merchant_id = $1", merchantId));
            Assert.True(File.Exists(PathOf(directory, merchantId, young)));
            Assert.All(old, id => Assert.False(File.Exists(PathOf(directory, merchantId, id))));
            Assert.Equal(4L, await ScalarAsync<long>(db, "SELECT count(*) FROM messages WHERE conversation_id = $1", conversationId));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string PathOf(string directory, Guid merchantId, Guid mediaId) =>
        Path.Combine(directory, merchantId.ToString("N"), mediaId.ToString("N"));

    private static async Task<Guid> CreateConversationAsync(NpgsqlDataSource db, Guid merchantId)
    {
        await using var command = db.CreateCommand("""
            WITH c AS (INSERT INTO customers (merchant_id, platform, phone) VALUES ($1, 'whatsapp', $2) RETURNING id)
            INSERT INTO conversations (merchant_id, customer_id, platform, customer_phone) SELECT $1, c.id, 'whatsapp', $2 FROM c RETURNING id
            """);
        command.Parameters.AddWithValue(merchantId);
        command.Parameters.AddWithValue("9665" + Random.Shared.Next(10_000_000, 99_999_999));
        return (Guid)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A stored photo that arrived <paramref name="age"/> ago: its message, its media row, its file.</summary>
    private static async Task<Guid> CreateMediaAsync(NpgsqlDataSource db, string directory, Guid merchantId, Guid conversationId, TimeSpan age)
    {
        await using var command = db.CreateCommand("""
            WITH m AS (
                INSERT INTO messages (merchant_id, conversation_id, platform, direction, author, kind, sent_at, created_at)
                VALUES ($1, $2, 'whatsapp', 'inbound', 'customer', 'image', now() - $3::interval, now() - $3::interval) RETURNING id)
            INSERT INTO media (merchant_id, message_id, platform, type, graph_media_id, state, mime_type, size_bytes, blob_key, created_at)
            SELECT $1, m.id, 'whatsapp', 'image', $4, 'stored', 'image/jpeg', 3, '', now() - $3::interval FROM m
            RETURNING id
            """);
        command.Parameters.AddWithValue(merchantId);
        command.Parameters.AddWithValue(conversationId);
        command.Parameters.AddWithValue(age);
        command.Parameters.AddWithValue(NewNumericId(16));
        var id = (Guid)(await command.ExecuteScalarAsync())!;
        var path = PathOf(directory, merchantId, id);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, [0xFF, 0xD8, 0xFF]);
        return id;
    }
}
