namespace AiSales.Api.Templates;

/// <summary>An approved (or pending, rejected…) template of the merchant's WhatsApp Business Account.</summary>
public sealed record TemplateView(string Name, string Language, string Status, string? Category, string? Body, int ParameterCount);

public sealed record TemplateList(IReadOnlyList<TemplateView> Items, DateTimeOffset SyncedAt);

public sealed record TemplateSendRequest(string? Name, string? Language, IReadOnlyList<string?>? Parameters);

/// <summary>The merchant's WhatsApp channel as templates need it (the token still sealed).</summary>
public sealed record TemplateChannel(Guid Id, string Status, string? WabaId, byte[] TokenCiphertext, string TokenKeyId);

/// <summary>One order event's template as PUT /api/merchant/order-templates takes it.</summary>
public sealed record OrderTemplateRequest(string? Name, string? Language);

/// <summary>PUT body: the template for each order event; a null (or absent) event sends nothing.</summary>
public sealed record OrderTemplatesRequest(OrderTemplateRequest? Confirmed, OrderTemplateRequest? Fulfilled);

/// <summary>A set order template: its name, language, and how many of the order parameters its body takes.</summary>
public sealed record OrderTemplateView(string Name, string Language, int ParameterCount);

public sealed record OrderTemplatesView(OrderTemplateView? Confirmed, OrderTemplateView? Fulfilled);
