using System.Net;
using System.Text;
using Npgsql;
using static AiSales.Tests.Webhooks.WebhookTestClient;
using static AiSales.Tests.Webhooks.WebhookTestData;

namespace AiSales.Tests.Webhooks;

/// <summary>The HTTP contract of section 4: handshake, signature, size limit, unparsed and unrouted events.</summary>
[Collection(WebhooksCollection.Name)]
public sealed class WebhookHttpTests(AppHostFixture fixture) : IAsyncLifetime
{
    private NpgsqlDataSource _db = null!;
    private HttpClient _api = null!;

    public Task InitializeAsync()
    {
        _db = fixture.CreateDataSource();
        _api = fixture.CreateHttpClient("api");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _db.DisposeAsync();
    }

    [Theory]
    [InlineData("whatsapp")]
    [InlineData("instagram")]
    public async Task HandshakeWithMatchingTokenEchoesTheChallengeAsPlainText(string platform)
    {
        using var response = await _api.GetAsync($"/webhooks/{platform}?hub.mode=subscribe&hub.verify_token={AppHostFixture.MetaVerifyToken}&hub.challenge=1158201444");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1158201444", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("whatsapp", "subscribe", "wrong-token")]
    [InlineData("instagram", "subscribe", "")]
    [InlineData("whatsapp", "unsubscribe", AppHostFixture.MetaVerifyToken)]
    public async Task HandshakeWithoutMatchingTokenIsForbidden(string platform, string mode, string token)
    {
        using var response = await _api.GetAsync($"/webhooks/{platform}?hub.mode={mode}&hub.verify_token={token}&hub.challenge=42");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEqual("42", await response.Content.ReadAsStringAsync());
    }

    public static TheoryData<string, string?> BadSignatures => new()
    {
        { "missing", null },
        { "garbage", "sha256=not-hex" },
        { "wrong-secret", "wrong-secret" },
        { "tampered", "tampered" },
        { "no-prefix", "prefixless" },
        { "sha1", "sha1" },
    };

    [Theory]
    [MemberData(nameof(BadSignatures))]
    public async Task PostWithBadSignatureIsUnauthorizedAndStoresNothing(string name, string? signature)
    {
        var body = Encoding.UTF8.GetBytes(WhatsAppBodies.WhatsAppBody(NewNumericId(),
            [WhatsAppBodies.Message(NewNumericId(11), NewExternalId("wamid."), "text", $$"""{"body":"{{name}}"}""")]));
        var header = signature switch
        {
            "wrong-secret" => Sign(body, "another-app-secret"),
            "tampered" => Sign(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("Customer", "Kustomer"))),
            "prefixless" => Sign(body)["sha256=".Length..],
            "sha1" => "sha1=" + Sign(body)["sha256=".Length..][..40],
            _ => signature,
        };

        using var response = await PostAsync(_api, "whatsapp", body, header);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Task.Delay(200);
        Assert.Equal(0L, await CountEventsAsync(_db, body));
    }

    [Fact]
    public async Task PostOverOneMebibyteIsRejectedWith413()
    {
        var body = new byte[2 * 1024 * 1024];
        Array.Fill(body, (byte)' ');
        body[0] = (byte)'{';
        body[^1] = (byte)'}';

        using var response = await PostAsync(_api, "whatsapp", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task PostOfExactlyOneMebibyteIsAccepted()
    {
        var prefix = """{"object":"whatsapp_business_account","entry":[],"pad":" """u8.ToArray();
        var body = new byte[1024 * 1024];
        Array.Fill(body, (byte)'x');
        prefix.CopyTo(body, 0);
        body[^2] = (byte)'"';
        body[^1] = (byte)'}';

        using var response = await PostAsync(_api, "whatsapp", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("whatsapp", "this is not json")]
    [InlineData("whatsapp", """{"object":"page","entry":[]}""")]
    [InlineData("instagram", """["an", "array"]""")]
    [InlineData("instagram", """{"object":"instagram","entry":{"not":"an array"}}""")]
    public async Task VerifiedBodyThatIsNotAKnownShapeIsKeptAsUnparsed(string platform, string text)
    {
        var body = Encoding.UTF8.GetBytes(text + " " + Guid.NewGuid()); // unique bytes, still not a known shape

        using var response = await PostAsync(_api, platform, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("unparsed", await WaitForEventStateAsync(_db, body));
    }

    [Fact]
    public async Task UnknownPhoneNumberIdIsKeptAsUnrouted()
    {
        var wamid = NewExternalId("wamid.");
        var body = Encoding.UTF8.GetBytes(WhatsAppBodies.WhatsAppBody(NewNumericId(),
            [WhatsAppBodies.Message(NewNumericId(11), wamid, "text", """{"body":"anyone?"}""")]));

        using var response = await PostAsync(_api, "whatsapp", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("unrouted", await WaitForEventStateAsync(_db, body));
        Assert.Equal(0L, await ScalarAsync<long>(_db, "SELECT count(*) FROM messages WHERE external_id = $1", wamid));
    }

    [Fact]
    public async Task UnroutedEventReplayedAfterTheChannelIsConnectedIsProcessed()
    {
        var phone = NewNumericId();
        var wamid = NewExternalId("wamid.");
        var body = Encoding.UTF8.GetBytes(WhatsAppBodies.WhatsAppBody(phone,
            [WhatsAppBodies.Message(NewNumericId(11), wamid, "text", """{"body":"early bird"}""")]));
        using var response = await PostAsync(_api, "whatsapp", body);
        Assert.Equal("unrouted", await WaitForEventStateAsync(_db, body));

        await CreateMerchantWithChannelAsync(_db, "whatsapp", phone);
        await using (var replay = _db.CreateCommand("UPDATE webhook_events SET state = 'received', error = NULL WHERE body = $1"))
        {
            replay.Parameters.AddWithValue(body);
            await replay.ExecuteNonQueryAsync();
        }

        Assert.Equal("early bird", await WaitForAsync<string>(_db, t => t is not null, "SELECT text FROM messages WHERE platform = 'whatsapp' AND external_id = $1", wamid));
    }
}
