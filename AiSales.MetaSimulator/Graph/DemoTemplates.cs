namespace AiSales.MetaSimulator.Graph;

/// <summary>One approved (or not yet approved) template of the simulated WhatsApp Business Account.</summary>
public sealed record DemoTemplate(string Name, string Language, string Status, string Category, string Body);

/// <summary>The demo shop's WhatsApp Business Account and its message templates, Arabic first.</summary>
public static class DemoTemplates
{
    public const string WabaId = "102290129340398";

    public static readonly IReadOnlyList<DemoTemplate> All =
    [
        new("order_update", "ar", "APPROVED", "UTILITY", "مرحبا {{1}}، طلبك رقم {{2}} في الطريق إليك 🚚"),
        new("order_update", "en", "APPROVED", "UTILITY", "Hi {{1}}, your order {{2}} is on its way 🚚"),
        new("welcome_back", "ar", "APPROVED", "MARKETING", "أهلًا {{1}}! وصلتنا تشكيلة جديدة، تحب نرسل لك الصور؟"),
        new("welcome_back", "en", "APPROVED", "MARKETING", "Hello {{1}}! New arrivals are in — would you like to see them?"),
        new("eid_sale", "ar", "PENDING", "MARKETING", "عيدكم مبارك! خصم ٢٠٪ على كل العبايات حتى نهاية الأسبوع"),
    ];

    public static DemoTemplate? Find(string? name, string? language) =>
        All.FirstOrDefault(t => t.Name == name && t.Language == language);
}
