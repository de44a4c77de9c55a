using System.Net;
using System.Net.Http.Json;
using static AiSales.Tests.MerchantConsole.ConsoleTestData;

namespace AiSales.Tests.MerchantConsole;

/// <summary>Invites, passwords, sign-in tokens and lockout, through the platform's real API and PostgreSQL.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleSignInApiTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task OwnerInviteIsOneTimeValidFor48HoursAndLeadsToASessionForThatMerchant()
    {
        using var api = fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);

        Assert.StartsWith("http", merchant.InviteUrl);
        Assert.Contains("/accept-invite?token=", merchant.InviteUrl);
        Assert.InRange(merchant.InviteExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromHours(47.9), TimeSpan.FromHours(48.1));

        using var accepted = await AcceptInviteAsync(api, merchant.InviteToken);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(merchant.OwnerEmail, (await accepted.JsonAsync()).GetProperty("email").GetString());
        using var again = await AcceptInviteAsync(api, merchant.InviteToken, "another long password");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.True((await again.JsonAsync()).GetProperty("errors").TryGetProperty("token", out _));

        using var signedIn = await SignInAsync(api, merchant.OwnerEmail.ToUpperInvariant());
        var session = await signedIn.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var token = session.GetProperty("token").GetString()!;
        Assert.StartsWith("aiss_", token);
        Assert.Equal("owner", session.GetProperty("user").GetProperty("role").GetString());
        Assert.DoesNotContain(Password, await signedIn.Content.ReadAsStringAsync());

        using var profile = await SendAsync(api, HttpMethod.Get, "/api/merchant", token);
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Equal(merchant.Id, (await profile.JsonAsync()).GetProperty("id").GetGuid());
        using var me = await SendAsync(api, HttpMethod.Get, "/api/auth/me", token);
        Assert.Equal(merchant.OwnerEmail, (await me.JsonAsync()).GetProperty("email").GetString());
    }

    [Fact]
    public async Task SignOutEndsTheSessionAtOnce()
    {
        using var api = fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        var token = await ActivateAndSignInAsync(api, merchant.OwnerEmail, merchant.InviteToken);

        using var signOut = await SendAsync(api, HttpMethod.Post, "/api/auth/sign-out", token);
        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);

        using var after = await SendAsync(api, HttpMethod.Get, "/api/merchant", token);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("application/problem+json", after.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountFor15MinutesEvenForTheRightPassword()
    {
        using var api = fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        await ActivateAndSignInAsync(api, merchant.OwnerEmail, merchant.InviteToken);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await SignInAsync(api, merchant.OwnerEmail, "wrong password " + attempt);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var fifth = await SignInAsync(api, merchant.OwnerEmail, "wrong password 5");
        Assert.Equal(HttpStatusCode.Locked, fifth.StatusCode);
        var lockedUntil = (await fifth.JsonAsync()).GetProperty("lockedUntil").GetDateTimeOffset();
        Assert.InRange(lockedUntil - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));
        Assert.True(fifth.Headers.RetryAfter is not null);

        using var right = await SignInAsync(api, merchant.OwnerEmail);
        Assert.Equal(HttpStatusCode.Locked, right.StatusCode);
        Assert.DoesNotContain("token", await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownEmailAndWrongPasswordGetTheSameAnswer()
    {
        using var api = fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        await ActivateAndSignInAsync(api, merchant.OwnerEmail, merchant.InviteToken);

        using var unknown = await SignInAsync(api, UniqueEmail("nobody"));
        using var wrong = await SignInAsync(api, merchant.OwnerEmail, "not the password");

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal((await unknown.JsonAsync()).GetProperty("detail").GetString(), (await wrong.JsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task BadInputIsAProblemNamingTheFieldAndNeverEchoesThePassword()
    {
        using var api = fixture.CreateApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/merchants") { Content = JsonContent.Create(new { name = "Shop", ownerEmail = "not an email" }) };
        request.Headers.Add("X-Admin-Key", AppHostFixture.AdminApiKey);
        using var badEmail = await api.SendAsync(request, Timeout());
        Assert.Equal(HttpStatusCode.BadRequest, badEmail.StatusCode);
        Assert.True((await badEmail.JsonAsync()).GetProperty("errors").TryGetProperty("ownerEmail", out _));

        var merchant = await CreateMerchantAsync(api);
        using var shortPassword = await AcceptInviteAsync(api, merchant.InviteToken, "short1");
        var body = await shortPassword.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, shortPassword.StatusCode);
        Assert.Contains("\"password\"", body);
        Assert.DoesNotContain("short1", body);

        using var sameEmail = await api.SendAsync(AdminCreate(merchant.OwnerEmail), Timeout());
        Assert.Equal(HttpStatusCode.Conflict, sameEmail.StatusCode);
        Assert.True((await sameEmail.JsonAsync()).GetProperty("errors").TryGetProperty("ownerEmail", out _));
    }

    [Fact]
    public async Task CheckingAnInviteNeitherUsesItNorSaysWhoseItIsAndAUsedOneAnswersLikeAnUnknownOne()
    {
        using var api = fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);

        using (var open = await api.PostAsJsonAsync("/api/auth/invites/check", new { token = merchant.InviteToken }, Timeout()))
        {
            Assert.Equal(HttpStatusCode.NoContent, open.StatusCode);
        }

        using (var accepted = await AcceptInviteAsync(api, merchant.InviteToken))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        using var used = await api.PostAsJsonAsync("/api/auth/invites/check", new { token = merchant.InviteToken }, Timeout());
        using var unknown = await api.PostAsJsonAsync("/api/auth/invites/check", new { token = "not-a-real-token" }, Timeout());
        var (usedBody, unknownBody) = (await used.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, used.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(
            (await unknown.JsonAsync()).GetProperty("errors").GetProperty("token").ToString(),
            (await used.JsonAsync()).GetProperty("errors").GetProperty("token").ToString());
        Assert.DoesNotContain(merchant.OwnerEmail, usedBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@", usedBody + unknownBody);
    }

    private static HttpRequestMessage AdminCreate(string ownerEmail)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/merchants") { Content = JsonContent.Create(new { name = "Shop", ownerEmail }) };
        request.Headers.Add("X-Admin-Key", AppHostFixture.AdminApiKey);
        return request;
    }
}
