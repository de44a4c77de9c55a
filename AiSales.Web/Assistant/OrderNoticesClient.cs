using AiSales.Web.Api;
using Microsoft.AspNetCore.Components;

namespace AiSales.Web.Assistant;

/// <summary>A WhatsApp template sent as an order notice, as the API keeps it (checked against Meta when it was set).</summary>
public sealed record OrderTemplate(string Name, string Language, int ParameterCount);

/// <summary>The templates sent when an order is confirmed or fulfilled; null: no notice for that event.</summary>
public sealed record OrderTemplates(OrderTemplate? Confirmed, OrderTemplate? Fulfilled);

/// <summary>
/// GET / PUT /api/merchant/order-templates (docs/templates.md "Order notices"). Whether a template exists, is approved,
/// is a utility template and takes at most four parameters is the API's to say (it asks the WhatsApp Business Account).
/// </summary>
public sealed class OrderNoticesClient(HttpClient http, ApiSession session, NavigationManager navigation)
    : MerchantApiClient(http, session, navigation)
{
    public Task<ApiResult<OrderTemplates>> GetAsync(CancellationToken cancellationToken = default) =>
        GetAsync<OrderTemplates>("/api/merchant/order-templates", cancellationToken);

    /// <summary>Replaces both settings; an event left null sends nothing.</summary>
    public Task<ApiResult<OrderTemplates>> SaveAsync(OrderNoticeForm form, CancellationToken cancellationToken = default) =>
        SendAsync<OrderTemplates>(HttpMethod.Put, "/api/merchant/order-templates",
            new { confirmed = form.Confirmed.ToRequest(), fulfilled = form.Fulfilled.ToRequest() }, cancellationToken);
}

/// <summary>The section's form: a template name and language per order event; an empty name means no notice.</summary>
public sealed class OrderNoticeForm
{
    public OrderNoticeChoice Confirmed { get; init; } = new();

    public OrderNoticeChoice Fulfilled { get; init; } = new();

    public static OrderNoticeForm From(OrderTemplates templates) => new()
    {
        Confirmed = OrderNoticeChoice.From(templates.Confirmed),
        Fulfilled = OrderNoticeChoice.From(templates.Fulfilled),
    };
}

/// <summary>One event's template as typed; sent as typed (trimmed), the API checks it.</summary>
public sealed class OrderNoticeChoice
{
    public string? Name { get; set; }

    public string? Language { get; set; }

    public int? ParameterCount { get; init; }

    public static OrderNoticeChoice From(OrderTemplate? template) =>
        new() { Name = template?.Name, Language = template?.Language, ParameterCount = template?.ParameterCount };

    public object? ToRequest() =>
        string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Language) ? null : new { name = Name?.Trim(), language = Language?.Trim() };
}
