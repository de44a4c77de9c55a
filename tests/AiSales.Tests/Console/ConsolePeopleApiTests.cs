using System.Net;
using static AiSales.Tests.MerchantConsole.ConsoleTestData;

namespace AiSales.Tests.MerchantConsole;

/// <summary>Owners invite and remove staff; staff cannot; a signed-in user follows the API key's tenant rules.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsolePeopleApiTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task OwnerInvitesAndRemovesStaffAndStaffCannot()
    {
        using var api = fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        var owner = await ActivateAndSignInAsync(api, merchant.OwnerEmail, merchant.InviteToken);

        var staffEmail = UniqueEmail("staff");
        using var invited = await SendAsync(api, HttpMethod.Post, "/api/merchant/users", owner, new { email = staffEmail, role = "staff" });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var invite = await invited.JsonAsync();
        var staffId = invite.GetProperty("id").GetGuid();
        var staff = await ActivateAndSignInAsync(api, staffEmail, InviteToken(invite.GetProperty("invite").GetProperty("url").GetString()!));

        using var staffInvites = await SendAsync(api, HttpMethod.Post, "/api/merchant/users", staff, new { email = UniqueEmail("friend") });
        Assert.Equal(HttpStatusCode.Forbidden, staffInvites.StatusCode);
        var ownerId = (await (await SendAsync(api, HttpMethod.Get, "/api/auth/me", owner)).JsonAsync()).GetProperty("id").GetGuid();
        using var staffRemoves = await SendAsync(api, HttpMethod.Delete, $"/api/merchant/users/{ownerId}", staff);
        Assert.Equal(HttpStatusCode.Forbidden, staffRemoves.StatusCode);

        using var list = await SendAsync(api, HttpMethod.Get, "/api/merchant/users", staff);
        var people = (await list.JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(2, people.Count);
        Assert.All(people, p => Assert.Equal("active", p.GetProperty("state").GetString()));

        using var removed = await SendAsync(api, HttpMethod.Delete, $"/api/merchant/users/{staffId}", owner);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        using var staffAfter = await SendAsync(api, HttpMethod.Get, "/api/merchant", staff);
        Assert.Equal(HttpStatusCode.Unauthorized, staffAfter.StatusCode);

        using var lastOwner = await SendAsync(api, HttpMethod.Delete, $"/api/merchant/users/{ownerId}", owner);
        Assert.Equal(HttpStatusCode.Conflict, lastOwner.StatusCode);
    }

    [Fact]
    public async Task SignedInUserGetsNotFoundForAnotherMerchantsIds()
    {
        using var api = fixture.CreateApiClient();
        var a = await CreateMerchantAsync(api);
        var b = await CreateMerchantAsync(api);
        var tokenB = await ActivateAndSignInAsync(api, b.OwnerEmail, b.InviteToken);

        using var product = await SendAsync(api, HttpMethod.Post, "/api/products", a.ApiKey,
            new { sku = "A-ONLY", name = "A's product", price = 10, currency = "SAR", stock = 1 });
        var productId = (await product.JsonAsync()).GetProperty("id").GetGuid();
        using var staffA = await SendAsync(api, HttpMethod.Post, "/api/merchant/users", a.ApiKey, new { email = UniqueEmail("staff") });
        var staffAId = (await staffA.JsonAsync()).GetProperty("id").GetGuid();

        foreach (var (method, url) in new[]
        {
            (HttpMethod.Get, $"/api/products/{productId}"),
            (HttpMethod.Delete, $"/api/products/{productId}"),
            (HttpMethod.Delete, $"/api/merchant/users/{staffAId}"),
        })
        {
            using var response = await SendAsync(api, method, url, tokenB);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {url}: {response.StatusCode}");
            Assert.DoesNotContain("A-ONLY", await response.Content.ReadAsStringAsync());
        }

        using var listB = await SendAsync(api, HttpMethod.Get, "/api/merchant/users", tokenB);
        Assert.DoesNotContain(staffAId.ToString(), await listB.Content.ReadAsStringAsync());
        using var stillThere = await SendAsync(api, HttpMethod.Get, $"/api/products/{productId}", a.ApiKey);
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
    }

    [Fact]
    public async Task ForgedOrMalformedSessionTokensAreRejected()
    {
        using var api = fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        var token = await ActivateAndSignInAsync(api, merchant.OwnerEmail, merchant.InviteToken);
        var forged = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        foreach (var bad in new[] { forged, "aiss_nonsense", "aiss_" + new string('0', 32) + "_" + new string('x', 43) })
        {
            using var response = await SendAsync(api, HttpMethod.Get, "/api/conversations", bad);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }
}
