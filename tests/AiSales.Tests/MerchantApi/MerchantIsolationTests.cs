using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static AiSales.Tests.MerchantApi.MerchantApiTestData;

namespace AiSales.Tests.MerchantApi;

/// <summary>
/// Tenant isolation over every merchant route, enumerated from the endpoint data source: a route added
/// later without an entry in <see cref="ForeignRequests"/> fails this test until it is covered.
/// </summary>
[Collection(MerchantApiCollection.Name)]
public sealed class MerchantIsolationTests(MerchantApiFixture fixture)
{
    private sealed record ForeignRequest(string Url, object? Body);

    private sealed record TenantA(
        Guid ProductId, Guid ConversationId, Guid OrderId, Guid KeyId, Guid UserId, Guid MediaId, Guid TrialId, string AccountId, TestMerchant Merchant);

    [Fact]
    public async Task EveryMerchantRouteAnswersNotFoundForAnotherMerchantsIds()
    {
        var a = await SeedTenantAAsync();
        var b = await CreateMerchantAsync(fixture.Api);
        using var clientB = fixture.Api.CreateMerchantClient(b.ApiKey);
        await ConnectChannelAsync(clientB, "whatsapp");
        await ConnectChannelAsync(clientB, "instagram");

        var routes = MerchantRoutes();
        var requests = ForeignRequests(a);
        var withIds = routes.Where(r => r.Pattern.Contains('{')).ToList();
        var uncovered = withIds.Where(r => !requests.ContainsKey(r.Key)).Select(r => r.Key).ToList();
        Assert.True(uncovered.Count == 0, $"Add these merchant routes to the isolation test: {string.Join(", ", uncovered)}");
        Assert.True(withIds.Count >= 10, $"Expected the merchant routes with ids, found {withIds.Count}.");

        foreach (var route in withIds)
        {
            var foreign = requests[route.Key];
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), foreign.Url);
            if (foreign.Body is not null)
            {
                request.Content = JsonContent.Create(foreign.Body);
            }

            using var response = await clientB.SendAsync(request, Timeout());
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{route.Key}: {response.StatusCode} {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            AssertNoDataOf(a, body, route.Key, allowIdsInDetail: true);
        }

        // Routes without ids can only show B's own data.
        // GET /api/events is a stream that stays open; its isolation is ConsoleEventsApiTests' subject.
        foreach (var route in routes.Where(r => !r.Pattern.Contains('{') && r.Method == "GET" && r.Pattern != "/api/events"))
        {
            using var response = await clientB.GetAsync(route.Pattern, Timeout());
            // B's channel names no WhatsApp Business Account, so its template list is a 409 problem (it can only
            // ever be read from B's own account).
            var answered = route.Pattern == "/api/templates" ? response.StatusCode == HttpStatusCode.Conflict : response.IsSuccessStatusCode;
            Assert.True(answered, $"{route.Key}: {response.StatusCode}");
            AssertNoDataOf(a, await response.Content.ReadAsStringAsync(), route.Key, allowIdsInDetail: false);
        }

        // Settings without ids: B's PUT changes B's own only.
        using (var put = await clientB.PutAsJsonAsync("/api/merchant/order-templates", new { }, Timeout()))
        {
            Assert.True(put.IsSuccessStatusCode, $"PUT /api/merchant/order-templates: {put.StatusCode}");
        }

        await AssertTenantAUnchangedAsync(a);
    }

    private List<(string Method, string Pattern, string Key)> MerchantRoutes()
    {
        var endpoints = fixture.Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return endpoints
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == MerchantApiExtensions.MerchantPolicy))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (m, e.RoutePattern.RawText!.TrimEnd('/'), $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}")))
            .Distinct()
            .ToList();
    }

    private static Dictionary<string, ForeignRequest> ForeignRequests(TenantA a) => new()
    {
        ["GET /api/products/{id:guid}"] = new($"/api/products/{a.ProductId}", null),
        ["PUT /api/products/{id:guid}"] = new($"/api/products/{a.ProductId}", new { sku = "TAKEN", name = "Stolen", price = 1, currency = "SAR", stock = 1 }),
        ["DELETE /api/products/{id:guid}"] = new($"/api/products/{a.ProductId}", null),
        ["GET /api/conversations/{id:guid}"] = new($"/api/conversations/{a.ConversationId}", null),
        ["GET /api/conversations/{id:guid}/messages"] = new($"/api/conversations/{a.ConversationId}/messages", null),
        ["POST /api/conversations/{id:guid}/handoff"] = new($"/api/conversations/{a.ConversationId}/handoff", new { to = "human" }),
        ["POST /api/conversations/{id:guid}/messages"] = new($"/api/conversations/{a.ConversationId}/messages", new { text = "hello" }),
        ["GET /api/orders/{id:guid}"] = new($"/api/orders/{a.OrderId}", null),
        ["PATCH /api/orders/{id:guid}"] = new($"/api/orders/{a.OrderId}", new { status = "confirmed" }),
        ["DELETE /api/merchant/keys/{id:guid}"] = new($"/api/merchant/keys/{a.KeyId}", null),
        ["DELETE /api/merchant/users/{id:guid}"] = new($"/api/merchant/users/{a.UserId}", null),
        ["GET /api/media/{id:guid}"] = new($"/api/media/{a.MediaId}", null),
        ["POST /api/conversations/{id:guid}/template"] = new($"/api/conversations/{a.ConversationId}/template",
            new { name = "order_update", language = "ar", parameters = new[] { "x" } }),
        ["GET /api/merchant/ai-config/try/{id:guid}"] = new($"/api/merchant/ai-config/try/{a.TrialId}", null),
    };

    private async Task<TenantA> SeedTenantAAsync()
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);
        var accountId = await ConnectChannelAsync(client, "whatsapp");
        var productId = await CreateProductAsync(client, "A-SECRET-SKU", "A secret product");
        using var key = await client.PostAsJsonAsync("/api/merchant/keys", new { name = "second" }, Timeout());
        var keyId = (await key.ReadJsonAsync()).GetProperty("id").GetGuid();
        using var user = await client.PostAsJsonAsync("/api/merchant/users", new { email = $"staff-{Guid.NewGuid():N}@a.example" }, Timeout());
        var userId = (await user.ReadJsonAsync()).GetProperty("id").GetGuid();
        await using var db = fixture.Platform.CreateDataSource();
        var conversation = await SeedConversationAsync(db, merchant.Id, "whatsapp", TimeSpan.FromMinutes(1));
        var orderId = await SeedOrderAsync(db, merchant.Id, conversation.Id);
        // A stored file and an answered trial: neither is picked up by a worker.
        await using var media = db.CreateCommand("""
            INSERT INTO media (merchant_id, message_id, platform, type, graph_media_id, state, mime_type, size_bytes, blob_key)
            SELECT $1, id, 'whatsapp', 'image', '1', 'stored', 'image/jpeg', 3, 'a-secret-blob' FROM messages WHERE conversation_id = $2 LIMIT 1
            RETURNING id
            """);
        media.Parameters.AddWithValue(merchant.Id);
        media.Parameters.AddWithValue(conversation.Id);
        var mediaId = (Guid)(await media.ExecuteScalarAsync())!;
        await using var trial = db.CreateCommand(
            "INSERT INTO assistant_trials (merchant_id, text, state, reply, answered_at) VALUES ($1, 'hi', 'answered', 'A secret reply', now()) RETURNING id");
        trial.Parameters.AddWithValue(merchant.Id);
        var trialId = (Guid)(await trial.ExecuteScalarAsync())!;
        await using var templates = db.CreateCommand("""
            UPDATE merchants SET order_templates = '{"confirmed":{"name":"a_secret_template","language":"en","parameterCount":1,"body":"x"}}'
            WHERE id = $1
            """);
        templates.Parameters.AddWithValue(merchant.Id);
        await templates.ExecuteNonQueryAsync();
        return new TenantA(productId, conversation.Id, orderId, keyId, userId, mediaId, trialId, accountId, merchant);
    }

    private static void AssertNoDataOf(TenantA a, string body, string route, bool allowIdsInDetail)
    {
        Assert.DoesNotContain("A-SECRET-SKU", body);
        Assert.DoesNotContain("A secret reply", body);
        Assert.DoesNotContain("a_secret_template", body);
        Assert.DoesNotContain(a.AccountId, body);
        Assert.DoesNotContain(a.Merchant.Id.ToString(), body);
        if (!allowIdsInDetail)
        {
            foreach (var id in new[] { a.ProductId, a.ConversationId, a.OrderId, a.KeyId, a.UserId, a.MediaId, a.TrialId })
            {
                Assert.False(body.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase), $"{route} shows merchant A's id {id}.");
            }
        }
    }

    private async Task AssertTenantAUnchangedAsync(TenantA a)
    {
        using var client = fixture.Api.CreateMerchantClient(a.Merchant.ApiKey);
        var product = await (await client.GetAsync($"/api/products/{a.ProductId}", Timeout())).ReadJsonAsync();
        Assert.Equal("A-SECRET-SKU", product.GetProperty("sku").GetString());
        var conversation = await (await client.GetAsync($"/api/conversations/{a.ConversationId}", Timeout())).ReadJsonAsync();
        Assert.Equal("ai", conversation.GetProperty("status").GetString());
        var messages = await (await client.GetAsync($"/api/conversations/{a.ConversationId}/messages", Timeout())).ReadJsonAsync();
        Assert.Equal(1, messages.GetProperty("items").GetArrayLength());
        var order = await (await client.GetAsync($"/api/orders/{a.OrderId}", Timeout())).ReadJsonAsync();
        Assert.Equal("draft", order.GetProperty("status").GetString());
        var users = await (await client.GetAsync("/api/merchant/users", Timeout())).ReadJsonAsync();
        Assert.Contains(users.EnumerateArray(), u => u.GetProperty("id").GetGuid() == a.UserId);
        var keys = await (await client.GetAsync("/api/merchant/keys", Timeout())).ReadJsonAsync();
        Assert.All(keys.EnumerateArray(), k => Assert.Equal(System.Text.Json.JsonValueKind.Null, k.GetProperty("revokedAt").ValueKind));
        var templates = await (await client.GetAsync("/api/merchant/order-templates", Timeout())).ReadJsonAsync();
        Assert.Equal("a_secret_template", templates.GetProperty("confirmed").GetProperty("name").GetString());
    }
}
