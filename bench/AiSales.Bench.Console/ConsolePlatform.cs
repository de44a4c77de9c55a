using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiSales.Bench.Console;

/// <summary>
/// The real AppHost (PostgreSQL, Redis, migrator, api, ai-agent, simulator, web; Development, no dashboard) and the
/// bench's merchant, created through the real admin API with an owner whose password is set.
/// </summary>
public sealed class ConsolePlatform(DistributedApplication app, string connectionString) : IAsyncDisposable
{
    /// <summary>The AppHost's Development parameter values (AiSales.AppHost/appsettings.Development.json).</summary>
    public const string MetaAppSecret = "local-dev-meta-app-secret";
    private const string AdminApiKey = "local-dev-admin-key";
    public const string OwnerPassword = "bench console password"; // every person the bench signs in

    public DistributedApplication App => app;

    public string ConnectionString => connectionString;

    public HttpClient Api() => app.CreateHttpClient("api");

    public Uri WebAddress => app.GetEndpoint("web", "http");

    public static async Task<ConsolePlatform> StartAsync()
    {
        using var startTimeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        // The merchant's replies are off (ai_enabled = false), so no Graph API is needed: nothing is ever sent.
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AiSales_AppHost>(
            ["--environment=Development", "--Infrastructure:Mode=executables", "--Meta:GraphApiBaseUrl=http://127.0.0.1:9"],
            (o, _) => o.DisableDashboard = true, startTimeout.Token);
        builder.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddFilter("AiSales.AppHost.Resources", LogLevel.Warning));
        var app = await builder.BuildAsync(startTimeout.Token);
        await app.StartAsync(startTimeout.Token);
        foreach (var resource in new[] { "api", "ai-agent", "web" })
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, startTimeout.Token);
        }

        return new ConsolePlatform(app, (await app.GetConnectionStringAsync("aisalesdb", startTimeout.Token))!);
    }

    /// <summary>A merchant with an owner (invite accepted, password set); returns its id, the owner's email and its API key.</summary>
    public async Task<(Guid MerchantId, string OwnerEmail, string ApiKey)> CreateMerchantAsync()
    {
        using var api = Api();
        var ownerEmail = $"owner-{Guid.NewGuid():N}@bench.example";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/merchants")
        {
            Content = JsonContent.Create(new { name = "Bench console shop", ownerEmail }),
        };
        request.Headers.Add("X-Admin-Key", AdminApiKey);
        using var created = await api.SendAsync(request);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        created.EnsureSuccessStatusCode();
        await AcceptAsync(api, body.GetProperty("ownerInvite"));
        return (body.GetProperty("id").GetGuid(), ownerEmail, body.GetProperty("apiKey").GetString()!);
    }

    /// <summary>
    /// Invites <paramref name="count"/> staff through the API (with the merchant's key, so the owner's own request
    /// budget is untouched) and sets their passwords; returns their emails. The watchers are different people, as
    /// in a shop: the API's request budget is per person, and one person in 50 browsers would spend theirs 50 times.
    /// </summary>
    public async Task<List<string>> InviteStaffAsync(string apiKey, int count)
    {
        using var api = Api();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        var emails = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var email = $"staff-{i}-{Guid.NewGuid():N}@bench.example";
            using var invited = await api.PostAsJsonAsync("/api/merchant/users", new { email, role = "staff" });
            invited.EnsureSuccessStatusCode();
            await AcceptAsync(api, (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invite"));
            emails.Add(email);
        }

        return emails;
    }

    private static async Task AcceptAsync(HttpClient api, JsonElement invite)
    {
        var url = invite.GetProperty("url").GetString()!;
        var token = url[(url.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..];
        using var accepted = await api.PostAsJsonAsync("/api/auth/invites/accept", new { token, password = OwnerPassword });
        accepted.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
