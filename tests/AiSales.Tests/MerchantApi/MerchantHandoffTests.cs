using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using static AiSales.Tests.MerchantApi.MerchantApiTestData;

namespace AiSales.Tests.MerchantApi;

[Collection(MerchantApiCollection.Name)]
public sealed class MerchantHandoffTests(MerchantApiFixture fixture)
{
    [Fact]
    public async Task EveryChangeOfHandsIsRecordedAsAMerchantHandoffAndANoOpIsNot()
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);
        await using var db = fixture.Platform.CreateDataSource();
        var conversation = await SeedConversationAsync(db, merchant.Id, "whatsapp", TimeSpan.FromMinutes(3));

        using var toHuman = await HandOffAsync(client, conversation.Id, "human");
        using var again = await HandOffAsync(client, conversation.Id, "human");
        using var back = await HandOffAsync(client, conversation.Id, "ai");

        Assert.Equal(HttpStatusCode.OK, toHuman.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("human", (await again.ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        var rows = await HandoffRowsAsync(db, conversation.Id);
        Assert.Equal([(merchant.Id, "human", "merchant"), (merchant.Id, "ai", "merchant")], rows);
    }

    [Fact]
    public async Task TheConversationShowsWhyTheAiGaveUpUntilAPersonHandsItBack()
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);
        await using var db = fixture.Platform.CreateDataSource();
        var conversation = await SeedConversationAsync(db, merchant.Id, "whatsapp", TimeSpan.FromMinutes(3), status: "human");
        // As the agent leaves a conversation whose turns failed three times.
        await using (var failed = db.CreateCommand("""
            UPDATE conversations SET handoff_reason = 'failure', turn_error = 'The model did not answer within 60 s.', turn_failures = 3
            WHERE id = $1
            """))
        {
            failed.Parameters.AddWithValue(conversation.Id);
            await failed.ExecuteNonQueryAsync();
        }

        var gaveUp = await (await client.GetAsync($"/api/conversations/{conversation.Id}", Timeout())).ReadJsonAsync();
        using var takeOver = await HandOffAsync(client, conversation.Id, "human");
        var takenOver = await takeOver.ReadJsonAsync();
        using var back = await HandOffAsync(client, conversation.Id, "ai");
        var handedBack = await back.ReadJsonAsync();

        Assert.Equal("failure", gaveUp.GetProperty("handoffReason").GetString());
        Assert.Equal("The model did not answer within 60 s.", gaveUp.GetProperty("lastTurnError").GetString());
        Assert.Equal("failure", takenOver.GetProperty("handoffReason").GetString());
        Assert.Equal("The model did not answer within 60 s.", takenOver.GetProperty("lastTurnError").GetString());
        Assert.Equal("ai", handedBack.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, handedBack.GetProperty("handoffReason").ValueKind);
        Assert.Equal(JsonValueKind.Null, handedBack.GetProperty("lastTurnError").ValueKind);
        await using var failures = db.CreateCommand("SELECT turn_failures FROM conversations WHERE id = $1");
        failures.Parameters.AddWithValue(conversation.Id);
        Assert.Equal(0, (int)(await failures.ExecuteScalarAsync())!);
        Assert.Equal([(merchant.Id, "ai", "merchant")], await HandoffRowsAsync(db, conversation.Id));
    }

    private static Task<HttpResponseMessage> HandOffAsync(HttpClient client, Guid conversationId, string to) =>
        client.PostAsJsonAsync($"/api/conversations/{conversationId}/handoff", new { to }, Timeout());

    private static async Task<List<(Guid, string, string)>> HandoffRowsAsync(NpgsqlDataSource db, Guid conversationId)
    {
        await using var command = db.CreateCommand("""
            SELECT merchant_id, to_status, source FROM conversation_handoffs WHERE conversation_id = $1 ORDER BY id
            """);
        command.Parameters.AddWithValue(conversationId);
        var rows = new List<(Guid, string, string)>();
        await using var reader = await command.ExecuteReaderAsync(Timeout());
        while (await reader.ReadAsync(Timeout()))
        {
            rows.Add((reader.GetGuid(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }
}
