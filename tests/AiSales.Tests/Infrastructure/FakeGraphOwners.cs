using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace AiSales.Tests.Infrastructure;

/// <summary>
/// The Graph API's ownership look-ups (contract section 6) for the in-process merchant API: a token owns the
/// accounts it was registered for; any other token is refused with code 190, like Meta. One per test process.
/// </summary>
public sealed class FakeGraphOwners
{
    private static readonly Lazy<FakeGraphOwners> Instance = new(Start);
    private readonly ConcurrentDictionary<string, string> _accountByToken = new(StringComparer.Ordinal);

    private FakeGraphOwners(string baseUrl) => BaseUrl = baseUrl;

    public static FakeGraphOwners Shared => Instance.Value;

    public string BaseUrl { get; }

    /// <summary>How many look-ups were answered, to show a refused request never reached the database.</summary>
    public int LookUps => _lookUps;

    private int _lookUps;

    public void Own(string token, string accountId) => _accountByToken[token] = accountId;

    /// <summary>Look-ups with this token are answered 500, as during an outage at Meta.</summary>
    public void FailFor(string token) => _failing[token] = true;

    private readonly ConcurrentDictionary<string, bool> _failing = new(StringComparer.Ordinal);

    private static FakeGraphOwners Start()
    {
        var (app, port) = LocalHttpServer.Create();
        var fake = new FakeGraphOwners($"http://127.0.0.1:{port}");
        app.MapGet("/{version}/me", (HttpContext context) => fake.Answer(context, null));
        app.MapGet("/{version}/{accountId}", (string accountId, HttpContext context) => fake.Answer(context, accountId));
        app.Start();
        return fake;
    }

    private IResult Answer(HttpContext context, string? accountId)
    {
        Interlocked.Increment(ref _lookUps);
        var authorization = context.Request.Headers.Authorization.ToString();
        if (_failing.ContainsKey(authorization.Replace("Bearer ", "")))
        {
            return Results.Json(new { error = new { message = "An unexpected error has occurred. Please retry your request later.", type = "OAuthException", code = 2 } }, statusCode: 500);
        }

        if (!_accountByToken.TryGetValue(authorization.Replace("Bearer ", ""), out var owned))
        {
            return Results.Json(new { error = new { message = "Invalid OAuth access token - Cannot parse access token", type = "OAuthException", code = 190 } }, statusCode: 401);
        }

        if (accountId is null)
        {
            return Results.Ok(new { id = "9" + owned, user_id = owned, username = "test_shop" });
        }

        return owned == accountId
            ? Results.Ok(new { id = accountId, display_phone_number = "+966 50 000 0000", verified_name = "Test shop" })
            : Results.Json(new { error = new { message = $"Unsupported get request. Object with ID '{accountId}' does not exist", type = "GraphMethodException", code = 100 } }, statusCode: 400);
    }
}
