namespace AiSales.Api.Templates;

/// <summary>An approved (or pending, rejected…) template of the merchant's WhatsApp Business Account.</summary>
public sealed record TemplateView(string Name, string Language, string Status, string? Category, string? Body, int ParameterCount);

public sealed record TemplateList(IReadOnlyList<TemplateView> Items, DateTimeOffset SyncedAt);

public sealed record TemplateSendRequest(string? Name, string? Language, IReadOnlyList<string?>? Parameters);

/// <summary>The merchant's WhatsApp channel as templates need it (the token still sealed).</summary>
public sealed record TemplateChannel(Guid Id, string Status, string? WabaId, byte[] TokenCiphertext, string TokenKeyId);
