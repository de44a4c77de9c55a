using AiSales.Web.Api;
using Microsoft.AspNetCore.Components;

namespace AiSales.Web.Overview;

public sealed record CurrencyAmount(string Currency, decimal Amount);

public sealed record StatsFigures(
    long Conversations, long CustomerMessages, long AiReplies, long HumanReplies, long Handoffs, long OrdersConfirmed,
    List<CurrencyAmount> Revenue, double? MedianFirstResponseSeconds);

public sealed record StatsDay(
    DateOnly Date, long Conversations, long CustomerMessages, long AiReplies, long HumanReplies, long Handoffs, long OrdersConfirmed,
    List<CurrencyAmount> Revenue, double? MedianFirstResponseSeconds);

public sealed record StatsReport(DateOnly From, DateOnly To, List<StatsDay> Days, StatsFigures Totals);

/// <summary>GET /api/stats: one row per UTC day and the range's totals, computed by the API.</summary>
public sealed class OverviewClient(HttpClient http, ApiSession session, NavigationManager navigation)
    : MerchantApiClient(http, session, navigation)
{
    public Task<ApiResult<StatsReport>> LastDaysAsync(int days, DateOnly today, CancellationToken cancellationToken = default) =>
        GetAsync<StatsReport>($"/api/stats?from={today.AddDays(1 - days):yyyy-MM-dd}&to={today:yyyy-MM-dd}", cancellationToken);
}
