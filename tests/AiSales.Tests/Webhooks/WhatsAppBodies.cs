using System.Text.Json;

namespace AiSales.Tests.Webhooks;

/// <summary>WhatsApp webhook bodies as Meta sends them, built from a few values.</summary>
public static class WhatsAppBodies
{
    public static string Message(string from, string id, string type, string content, long timestamp = 1749416383) =>
        $$"""{"from":"{{from}}","id":"{{id}}","timestamp":"{{timestamp}}","type":"{{type}}","{{type}}":{{content}}}""";

    public static string WhatsAppBody(string phoneNumberId, IEnumerable<string> messages, IEnumerable<string>? statuses = null, string profileName = "Customer")
    {
        var from = messages.Select(m => JsonDocument.Parse(m).RootElement.GetProperty("from").GetString()).FirstOrDefault() ?? "0";
        return $$"""
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp",
            "metadata":{"display_phone_number":"15550783881","phone_number_id":"{{phoneNumberId}}"},
            "contacts":[{"profile":{"name":"{{profileName}}"},"wa_id":"{{from}}"}],
            "messages":[{{string.Join(",", messages)}}],"statuses":[{{string.Join(",", statuses ?? [])}}]},"field":"messages"}]}]}
            """;
    }
}
