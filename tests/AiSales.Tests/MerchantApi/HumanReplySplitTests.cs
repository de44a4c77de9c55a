using System.Net;
using System.Net.Http.Json;
using System.Text;
using static AiSales.Tests.MerchantApi.MerchantApiTestData;

namespace AiSales.Tests.MerchantApi;

/// <summary>Contract section 5: human replies follow the platform limits like AI replies (Instagram 1,000 bytes of UTF-8, WhatsApp 4,096 characters).</summary>
[Collection(MerchantApiCollection.Name)]
public sealed class HumanReplySplitTests(MerchantApiFixture fixture)
{
    [Fact]
    public async Task InstagramHumanReplyOverOneThousandBytesIsQueuedAsPartsOnWordBoundaries()
    {
        await using var open = await OpenConversationAsync("instagram");
        var (client, db, conversation) = (open.Client, open.Db, open.Conversation);
        var words = Enumerable.Range(1, 300).Select(i => $"كلمة{i}").ToArray(); // about 3,000 bytes of UTF-8
        var text = string.Join(' ', words);

        using var response = await client.PostAsJsonAsync($"/api/conversations/{conversation.Id}/messages", new { text }, Timeout());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var parts = await QueuedBodiesAsync(db, conversation.Id);
        Assert.True(parts.Count >= 3, $"{parts.Count} parts");
        Assert.All(parts, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= 1000, $"a part of {Encoding.UTF8.GetByteCount(p)} bytes"));
        Assert.Equal(words, parts.SelectMany(p => p.Split(' ')));
        using var listed = await client.GetAsync($"/api/conversations/{conversation.Id}/messages", Timeout());
        var outbound = (await listed.ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .Where(m => m.GetProperty("direction").GetString() == "outbound").Select(m => m.GetProperty("text").GetString()!).ToList();
        Assert.Equal(parts, outbound);
    }

    [Fact]
    public async Task WhatsAppHumanReplyWithinItsLimitStaysOneMessage()
    {
        await using var open = await OpenConversationAsync("whatsapp");
        var (client, db, conversation) = (open.Client, open.Db, open.Conversation);
        var text = string.Join(' ', Enumerable.Repeat("كلمة", 800)); // 3,999 characters, 7,200 bytes: one WhatsApp message

        using var response = await client.PostAsJsonAsync($"/api/conversations/{conversation.Id}/messages", new { text }, Timeout());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal([text], await QueuedBodiesAsync(db, conversation.Id));
    }

    [Fact]
    public async Task WhatsAppHumanReplyOverFourThousandCharactersIsQueuedAsPartsOnWordBoundaries()
    {
        await using var open = await OpenConversationAsync("whatsapp");
        var (client, db, conversation) = (open.Client, open.Db, open.Conversation);
        var words = Enumerable.Range(1, 1000).Select(i => $"word{i}").ToArray(); // 7,892 characters: two WhatsApp messages
        var text = string.Join(' ', words);

        using var response = await client.PostAsJsonAsync($"/api/conversations/{conversation.Id}/messages", new { text }, Timeout());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var parts = await QueuedBodiesAsync(db, conversation.Id);
        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.True(p.Length <= 4096, $"a part of {p.Length} characters"));
        Assert.Equal(words, parts.SelectMany(p => p.Split(' ')));
    }

    [Fact]
    public async Task HumanReplyPastTheLimitIsRefusedNamingTheText()
    {
        await using var open = await OpenConversationAsync("whatsapp");
        var (client, db, conversation) = (open.Client, open.Db, open.Conversation);

        using var response = await client.PostAsJsonAsync($"/api/conversations/{conversation.Id}/messages", new { text = new string('a', 16_385) }, Timeout());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("text", out _));
        Assert.Empty(await QueuedBodiesAsync(db, conversation.Id));
    }

    /// <summary>A merchant with the platform's channel connected and a conversation whose customer wrote an hour ago.</summary>
    private async Task<OpenConversation> OpenConversationAsync(string platform)
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);
        await ConnectChannelAsync(client, platform);
        var db = fixture.Platform.CreateDataSource();
        return new OpenConversation(client, db, await SeedConversationAsync(db, merchant.Id, platform, TimeSpan.FromHours(1)));
    }

    private sealed record OpenConversation(HttpClient Client, Npgsql.NpgsqlDataSource Db, SeededConversation Conversation) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await Db.DisposeAsync();
        }
    }

    private static async Task<List<string>> QueuedBodiesAsync(Npgsql.NpgsqlDataSource db, Guid conversationId)
    {
        await using var command = db.CreateCommand("SELECT body FROM outbound_deliveries WHERE conversation_id = $1 ORDER BY created_at, message_id");
        command.Parameters.AddWithValue(conversationId);
        var bodies = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            bodies.Add(reader.GetString(0));
        }

        return bodies;
    }
}
