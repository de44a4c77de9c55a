using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using AiSales.Tests.MerchantApi;
using static AiSales.Tests.MerchantConsole.ConsoleTestData;

namespace AiSales.Tests.MerchantConsole;

/// <summary>GET /api/events: the merchant's live feed from PostgreSQL LISTEN/NOTIFY, and only that merchant's.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleEventsApiTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task AHandoffReachesTheMerchantsStreamAndNotAnotherMerchants()
    {
        using var api = fixture.CreateApiClient();
        var a = await CreateMerchantAsync(api);
        var b = await CreateMerchantAsync(api);
        var tokenA = await ActivateAndSignInAsync(api, a.OwnerEmail, a.InviteToken);
        await using var db = fixture.Platform.CreateDataSource();
        var conversation = await MerchantApiTestData.SeedConversationAsync(db, a.Id, "whatsapp", TimeSpan.FromMinutes(1));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await using var streamA = await OpenAsync(api, tokenA, timeout.Token);
        await using var streamB = await OpenAsync(api, b.ApiKey, timeout.Token);
        using var handoff = await SendAsync(api, HttpMethod.Post, $"/api/conversations/{conversation.Id}/handoff", tokenA, new { to = "human" });
        Assert.Equal(HttpStatusCode.OK, handoff.StatusCode);

        var received = await streamA.NextAsync(e => e.EventType == "handoff", timeout.Token);
        Assert.Contains(conversation.Id.ToString(), received.Data);
        using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var leaked = await streamB.NextOrNullAsync(e => e.Data.Contains(conversation.Id.ToString()), quiet.Token);
        Assert.Null(leaked);
    }

    [Fact]
    public async Task EventsCarryTheMessageAndTheConversationSoTheConsoleNeedNotAskAgain()
    {
        using var api = fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        await using var db = fixture.Platform.CreateDataSource();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var stream = await OpenAsync(api, merchant.ApiKey, timeout.Token);

        var conversation = await MerchantApiTestData.SeedConversationAsync(db, merchant.Id, "whatsapp", TimeSpan.FromMinutes(1));
        var message = await stream.NextAsync(e => e.EventType == "message", timeout.Token);
        using (var data = System.Text.Json.JsonDocument.Parse(message.Data))
        {
            Assert.Equal(conversation.Id, data.RootElement.GetProperty("conversationId").GetGuid());
            var carried = data.RootElement.GetProperty("message");
            Assert.Equal(data.RootElement.GetProperty("id").GetString(), carried.GetProperty("id").GetInt64().ToString());
            Assert.Equal("مرحبا، هل الحقيبة متوفرة؟", carried.GetProperty("text").GetString());
            Assert.Equal("customer", carried.GetProperty("author").GetString());
            var row = data.RootElement.GetProperty("conversation");
            Assert.Equal(conversation.Id, row.GetProperty("id").GetGuid());
            Assert.Equal("Test Customer", row.GetProperty("customer").GetProperty("name").GetString());
        }

        using var handoff = await SendAsync(api, HttpMethod.Post, $"/api/conversations/{conversation.Id}/handoff", merchant.ApiKey, new { to = "human" });
        var handedOff = await stream.NextAsync(e => e.EventType == "handoff", timeout.Token);
        using (var data = System.Text.Json.JsonDocument.Parse(handedOff.Data))
        {
            Assert.Equal("human", data.RootElement.GetProperty("conversation").GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task TheDatabaseAnnouncesOnlyMerchantsWhoseConsoleIsOpen()
    {
        // NOTIFY serialises every commit that uses it: with no stream open, a merchant's writes must not notify at all.
        using var api = fixture.CreateApiClient();
        var watched = await CreateMerchantAsync(api);
        var unwatched = await CreateMerchantAsync(api);
        await using var db = fixture.Platform.CreateDataSource();
        await using var listener = await db.OpenConnectionAsync();
        var heard = new System.Collections.Concurrent.ConcurrentQueue<string>();
        listener.Notification += (_, e) => heard.Enqueue(e.Payload);
        await using (var listen = new Npgsql.NpgsqlCommand("LISTEN merchant_events", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var stream = await OpenAsync(api, watched.ApiKey, timeout.Token);
        var quietOne = await MerchantApiTestData.SeedConversationAsync(db, unwatched.Id, "whatsapp", TimeSpan.FromMinutes(1));
        var loudOne = await MerchantApiTestData.SeedConversationAsync(db, watched.Id, "whatsapp", TimeSpan.FromMinutes(1));
        using var drain = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            while (true) await listener.WaitAsync(drain.Token);
        }
        catch (OperationCanceledException)
        {
        }

        Assert.Contains(heard, payload => payload.Contains(loudOne.Id.ToString()));
        Assert.DoesNotContain(heard, payload => payload.Contains(quietOne.Id.ToString()) || payload.Contains(unwatched.Id.ToString()));
    }

    [Fact]
    public async Task TheStreamNeedsACredential()
    {
        using var api = fixture.CreateApiClient();
        using var response = await api.GetAsync("/api/events", Timeout());
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<EventStream> OpenAsync(HttpClient api, string bearer, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/events");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        var response = await api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var events = new EventStream(response, SseParser.Create(stream).EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken));
        await events.NextAsync(e => e.EventType == "ready", cancellationToken);
        return events;
    }

    private sealed class EventStream(HttpResponseMessage response, IAsyncEnumerator<SseItem<string>> items) : IAsyncDisposable
    {
        public async Task<SseItem<string>> NextAsync(Func<SseItem<string>, bool> match, CancellationToken cancellationToken) =>
            await NextOrNullAsync(match, cancellationToken) ?? throw new TimeoutException("The expected event did not arrive.");

        public async Task<SseItem<string>?> NextOrNullAsync(Func<SseItem<string>, bool> match, CancellationToken cancellationToken)
        {
            try
            {
                while (await items.MoveNextAsync().AsTask().WaitAsync(cancellationToken))
                {
                    if (match(items.Current))
                    {
                        return items.Current;
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }

            return null;
        }

        public async ValueTask DisposeAsync()
        {
            response.Dispose();
            try
            {
                await items.DisposeAsync();
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException or NotSupportedException or InvalidOperationException)
            {
            }
        }
    }
}
