namespace AiSales.Api.Webhooks;

/// <summary>The platform names stored in webhook_events, channels, conversations and messages.</summary>
public static class WebhookPlatform
{
    public const string WhatsApp = "whatsapp";
    public const string Instagram = "instagram";
}
