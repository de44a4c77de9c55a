using System.Globalization;
using System.Security.Claims;
using AiSales.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace AiSales.Api.Stats;

/// <summary>
/// GET /api/stats (contract §6): what the merchant's shop and its AI did, per UTC day. Mapped on the merchant
/// group, so it carries the key authentication and the per-key rate limit; every figure is the merchant's own.
/// </summary>
public static class StatsApi
{
    public const int DefaultDays = 30;
    public const int MaxDays = 366;
    private const string DateFormat = "yyyy-MM-dd";
    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2999, 12, 31);

    public static RouteGroupBuilder MapStatsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/stats", GetAsync)
            .WithTags("Stats")
            .WithSummary($"One row per UTC day from 'from' to 'to' (yyyy-MM-dd, inclusive; default the last {DefaultDays} days, at most {MaxDays}): "
                + "conversations, customer messages, AI and human replies, handoffs, orders confirmed, revenue per currency, "
                + "median first-response time, model calls and tokens, AI turns by outcome; plus totals over the range.");
        return api;
    }

    private static async Task<Results<Ok<StatsReport>, ValidationProblem>> GetAsync(
        ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider time, CancellationToken cancellationToken,
        string? from = null, string? to = null)
    {
        var errors = new FieldErrors();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var last = to is null ? today : ParseDate(errors, "to", to);
        var first = from is null ? last?.AddDays(1 - DefaultDays) : ParseDate(errors, "from", from);
        if (first is { } f && last is { } l)
        {
            if (f > l)
            {
                errors.Add("from", "must be on or before 'to'.");
            }
            else if (l.DayNumber - f.DayNumber + 1 > MaxDays)
            {
                errors.Add(to is null ? "from" : "to", $"the range is at most {MaxDays} days ('from' and 'to' included).");
            }
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        return TypedResults.Ok(await StatsQuery.ReadAsync(db, user.MerchantId(), first!.Value, last!.Value, cancellationToken));
    }

    private static DateOnly? ParseDate(FieldErrors errors, string field, string text)
    {
        if (DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date >= Earliest && date <= Latest)
        {
            return date;
        }

        errors.Add(field, $"must be a UTC day written {DateFormat}, between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}.");
        return null;
    }
}
