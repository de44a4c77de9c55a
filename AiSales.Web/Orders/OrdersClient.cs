using AiSales.Web.Api;
using Microsoft.AspNetCore.Components;

namespace AiSales.Web.Orders;

public sealed record OrderSummary(
    Guid Id, long Number, string Status, Guid? ConversationId, string? CustomerName, string? CustomerPhone,
    string? Currency, decimal Total, int ItemCount, DateTimeOffset CreatedAt);

public sealed record OrderPage(List<OrderSummary> Items, bool HasMore) : IOffsetPage<OrderSummary>;

public sealed record OrderItem(string Sku, string Name, decimal UnitPrice, int Quantity, decimal LineTotal);

public sealed record Order(
    Guid Id, long Number, string Status, Guid? ConversationId, string? CustomerName, string? CustomerPhone,
    string? ShippingAddress, string? Notes, string? Currency, decimal Total, List<OrderItem> Items,
    DateTimeOffset CreatedAt, List<string> NextStatuses);

/// <summary>The orders the agent took: list by status, one order, and its status changes (the API decides which are allowed).</summary>
public sealed class OrdersClient(HttpClient http, ApiSession session, NavigationManager navigation)
    : MerchantApiClient(http, session, navigation)
{
    public Task<ApiResult<OrderPage>> ListAsync(string? status, int offset = 0, CancellationToken cancellationToken = default) =>
        GetAsync<OrderPage>($"/api/orders?limit={OffsetPager<OrderSummary>.PageSize}&offset={offset}"
            + (status is null ? "" : $"&status={Uri.EscapeDataString(status)}"), cancellationToken);

    public Task<ApiResult<Order>> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<Order>($"/api/orders/{id}", cancellationToken);

    public Task<ApiResult<Order>> SetStatusAsync(Guid id, string status, CancellationToken cancellationToken = default) =>
        SendAsync<Order>(HttpMethod.Patch, $"/api/orders/{id}", new { status }, cancellationToken);
}
