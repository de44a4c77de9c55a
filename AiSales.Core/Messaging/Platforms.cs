namespace AiSales.Core.Messaging;

/// <summary>The two messaging platforms, as stored in every platform column.</summary>
public static class Platforms
{
    public const string WhatsApp = "whatsapp";
    public const string Instagram = "instagram";
}
