using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace AiSales.Tests.MerchantConsole;

public sealed record ConsoleMerchant(Guid Id, string Name, string ApiKey, string OwnerEmail, string InviteUrl, DateTimeOffset InviteExpiresAt)
{
    public string InviteToken => InviteUrl[(InviteUrl.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..];
}

/// <summary>Merchants with an owner invite, through the real admin API; people and sign-in through the real API.</summary>
public static class ConsoleTestData
{
    public const string Password = "correct horse battery";

    public static CancellationToken Timeout(int seconds = 30) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;

    public static string UniqueEmail(string who = "owner") => $"{who}-{Guid.NewGuid():N}@shop.example";

    public static async Task<ConsoleMerchant> CreateMerchantAsync(HttpClient api, string? ownerEmail = null)
    {
        ownerEmail ??= UniqueEmail();
        var name = $"Shop {Guid.NewGuid():N}"[..16];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/merchants") { Content = JsonContent.Create(new { name, ownerEmail }) };
        request.Headers.Add("X-Admin-Key", AppHostFixture.AdminApiKey);
        using var response = await api.SendAsync(request, Timeout());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Timeout());
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {body}");
        var invite = body.GetProperty("ownerInvite");
        return new ConsoleMerchant(
            body.GetProperty("id").GetGuid(), name, body.GetProperty("apiKey").GetString()!, ownerEmail,
            invite.GetProperty("url").GetString()!, invite.GetProperty("expiresAt").GetDateTimeOffset());
    }

    public static async Task<HttpResponseMessage> AcceptInviteAsync(HttpClient api, string token, string password = Password) =>
        await api.PostAsJsonAsync("/api/auth/invites/accept", new { token, password }, Timeout());

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient api, string email, string password = Password) =>
        await api.PostAsJsonAsync("/api/auth/sign-in", new { email, password }, Timeout());

    /// <summary>Accepts the invite and signs in; returns the session token.</summary>
    public static async Task<string> ActivateAndSignInAsync(HttpClient api, string email, string inviteToken)
    {
        using (var accepted = await AcceptInviteAsync(api, inviteToken))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        using var signedIn = await SignInAsync(api, email);
        var body = await signedIn.Content.ReadFromJsonAsync<JsonElement>(Timeout());
        Assert.True(signedIn.StatusCode == HttpStatusCode.OK, $"{signedIn.StatusCode}: {body}");
        return body.GetProperty("token").GetString()!;
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient api, HttpMethod method, string url, string bearer, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await api.SendAsync(request, Timeout());
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Timeout());

    public static string InviteToken(string url) => url[(url.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..];
}
