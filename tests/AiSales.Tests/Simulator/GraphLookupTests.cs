using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace AiSales.Tests.Simulator;

/// <summary>The simulator answers the channel ownership look-ups (contract section 6) like Meta, for its own accounts.</summary>
[Collection(SimulatorCollection.Name)]
public sealed class GraphLookupTests(SimulatorTestHost host)
{
    [Fact]
    public async Task WhatsAppPhoneNumberLookUpAnswersTheNumberForItsOwnToken()
    {
        var (phoneNumberId, token) = await host.RegisterAccountAsync("whatsapp");

        using var response = await GetAsync($"/v21.0/{phoneNumberId}?fields=id,display_phone_number,verified_name", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(phoneNumberId, body.RootElement.GetProperty("id").GetString());
        Assert.Equal("Test shop " + phoneNumberId, body.RootElement.GetProperty("verified_name").GetString());
    }

    [Fact]
    public async Task WhatsAppLookUpWithAnUnknownTokenAnswers190AndWithAnotherAccountsTokenAnswers100()
    {
        var (phoneNumberId, _) = await host.RegisterAccountAsync("whatsapp");
        var (_, otherToken) = await host.RegisterAccountAsync("whatsapp");

        using var unknown = await GetAsync($"/v21.0/{phoneNumberId}", "EAAG-not-a-token");
        using var foreign = await GetAsync($"/v21.0/{phoneNumberId}", otherToken);

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(190, await ErrorCodeAsync(unknown));
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Equal(100, await ErrorCodeAsync(foreign));
    }

    [Fact]
    public async Task InstagramMeAnswersTheAccountOfTheTokenOr190()
    {
        var (accountId, token) = await host.RegisterAccountAsync("instagram");

        using var me = await GetAsync("/v21.0/me?fields=id,user_id,username", token);
        using var unknown = await GetAsync("/v21.0/me", "IGQV-not-a-token");

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        using var body = JsonDocument.Parse(await me.Content.ReadAsStringAsync());
        Assert.Equal(accountId, body.RootElement.GetProperty("user_id").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(190, await ErrorCodeAsync(unknown));
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await host.Client.SendAsync(request, timeout.Token);
    }

    private static async Task<int> ErrorCodeAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("error").GetProperty("code").GetInt32();
    }
}
