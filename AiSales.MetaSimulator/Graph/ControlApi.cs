using AiSales.MetaSimulator;
using AiSales.MetaSimulator.Demo;
using AiSales.MetaSimulator.Graph;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The simulator's own controls: fault switches per account, extra accounts for tests, the log of Graph
/// requests, and what the page needs to know (demo shop, links).
/// </summary>
public static class ControlApi
{
    public sealed record FaultRequest(FaultMode Mode, int? Count, int? DelayMilliseconds);

    public sealed record AccountRequest(string Platform, string AccountId, string AccessToken, string? DisplayName);

    public sealed record AccountView(string Platform, string AccountId, string DisplayName);

    public sealed record StateView(
        string Status, string? Error, string? ShopName, IReadOnlyList<AccountView> Accounts, string? DashboardUrl, string? ApiReferenceUrl,
        string? ConsoleUrl, string DemoOwnerEmail, string DemoOwnerPassword);

    public static IEndpointRouteBuilder MapControlApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/simulator").WithTags("Simulator controls");
        group.MapGet("/state", GetState);
        group.MapGet("/faults", (FaultSwitches faults) => TypedResults.Ok(faults.All));
        group.MapPut("/faults/{accountId}", SetFault);
        group.MapDelete("/faults/{accountId}", (string accountId, FaultSwitches faults) =>
        {
            faults.Clear(accountId);
            return TypedResults.NoContent();
        });
        group.MapPost("/accounts", RegisterAccount);
        group.MapGet("/graph/requests", (string? accountId, GraphRequestLog log) => TypedResults.Ok(log.For(accountId)));
        return app;
    }

    private static IResult GetState(DemoState demo, AccountRegistry accounts, IOptions<SimulatorOptions> options) =>
        TypedResults.Ok(new StateView(
            demo.Status,
            demo.Error,
            demo.ShopName,
            accounts.All.Select(a => new AccountView(a.Platform == Platform.WhatsApp ? "whatsapp" : "instagram", a.AccountId, a.DisplayName)).ToList(),
            options.Value.DashboardUrl,
            options.Value.ApiReferenceUrl,
            options.Value.ConsoleUrl,
            options.Value.DemoOwnerEmail,
            options.Value.DemoOwnerPassword));

    private static IResult SetFault(string accountId, FaultRequest request, AccountRegistry accounts, FaultSwitches faults)
    {
        if (accounts.Find(accountId) is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "Unknown account", detail: $"No simulated account {accountId}.");
        }

        if (request.Count is <= 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["count"] = ["Give a positive count, or none for until cleared."] });
        }

        faults.Set(accountId, new Fault(request.Mode, request.Count, request.DelayMilliseconds ?? 5_000));
        return TypedResults.NoContent();
    }

    private static IResult RegisterAccount(AccountRequest request, AccountRegistry accounts)
    {
        if (ChatApi.ParsePlatform(request.Platform) is not { } platform
            || string.IsNullOrWhiteSpace(request.AccountId) || string.IsNullOrWhiteSpace(request.AccessToken))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["account"] = ["platform (whatsapp|instagram), accountId and accessToken are required."],
            });
        }

        accounts.Register(new SimulatedAccount(platform, request.AccountId, request.AccessToken, request.DisplayName ?? request.AccountId));
        return TypedResults.NoContent();
    }
}
