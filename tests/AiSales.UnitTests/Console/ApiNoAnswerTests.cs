using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using AiSales.Web.Account;
using AiSales.Web.Api;
using AiSales.Web.Assistant;
using AiSales.Web.Catalogue;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace AiSales.UnitTests.Console;

/// <summary>
/// A console call the API never answers (nothing listening, a connection dropped, a timeout) becomes a 503 problem the
/// page shows; an exception would end the person's circuit and leave the page dead.
/// </summary>
public sealed class ApiNoAnswerTests
{
    [Fact]
    public async Task NothingListeningIsAProblemNotAnException()
    {
        var port = FreePort();

        var result = await ClientFor($"http://127.0.0.1:{port}/").SearchAsync(null);

        AssertNoAnswer(result.Problem);
    }

    [Fact]
    public async Task AConnectionClosedWithoutAnAnswerIsAProblem()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closing = Task.Run(async () =>
        {
            using var socket = await listener.AcceptSocketAsync();
            socket.Close();
        });

        var result = await ClientFor($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/").ImportCsvAsync("sku,name\n", dryRun: true);

        await closing;
        AssertNoAnswer(result.Problem);
    }

    [Fact]
    public async Task AnAnswerPastTheTimeoutIsAProblemButTheCallersOwnCancellationStillCancels()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/";

        var timedOut = await ClientFor(address, TimeSpan.FromMilliseconds(300)).SearchAsync(null);

        AssertNoAnswer(timedOut.Problem);
        using var cancelled = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ClientFor(address).SearchAsync(null, cancellationToken: cancelled.Token));
    }

    [Fact]
    public async Task TheAssistantsTrialThatOutlastsItsTimeoutSaysTheAssistantDidNotAnswerInTime()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/"), Timeout = TimeSpan.FromMilliseconds(300) };

        var result = await new AssistantTrialClient(http, new ApiSession(new SignedIn()), new Navigation()).TryAsync("بكم الحقيبة؟");

        Assert.Equal((503, "The assistant did not answer in time."), (result.Problem?.Status, result.Problem?.Detail));
    }

    [Fact]
    public async Task ASignInPastTheTimeoutIsAProblemAndSigningOutStillEnds()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accounts = new AccountClient(new HttpClient
        {
            BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/"),
            Timeout = TimeSpan.FromMilliseconds(300),
        });

        AssertNoAnswer((await accounts.SignInAsync("owner@shop.test", "secret")).Problem);
        AssertNoAnswer((await accounts.AcceptInviteAsync("invite", "secret")).Problem);
        await accounts.SignOutAsync("token");
        await accounts.RememberLanguageAsync("token", "ar");
    }

    private static void AssertNoAnswer(ApiProblem? problem)
    {
        Assert.NotNull(problem);
        Assert.Equal(503, problem.Status);
        Assert.Contains("cannot be reached", problem.Detail);
    }

    private static CatalogueClient ClientFor(string address, TimeSpan? timeout = null) =>
        new(new HttpClient { BaseAddress = new Uri(address), Timeout = timeout ?? TimeSpan.FromSeconds(30) }, new ApiSession(new SignedIn()), new Navigation());

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class SignedIn : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ConsoleClaims.ApiToken, "token")], "test"))));
    }

    private sealed class Navigation : NavigationManager
    {
        public Navigation() => Initialize("http://console.test/", "http://console.test/catalogue");
    }
}
