using System.Text.Json.Nodes;

namespace AiSales.Tests.Conversations;

/// <summary>
/// Customer text messages in Meta's documented shapes (contract §4, /work/shared/meta-fixtures), each with a fresh
/// message id and a timestamp that never goes backwards, so a burst keeps its order (§4 rule 9).
/// </summary>
public sealed class WebhookPayloads(string platform, string accountId, string customer)
{
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    public string Text(string text, string profileName)
    {
        var now = DateTimeOffset.UtcNow;
        // WhatsApp timestamps are whole seconds: one second apart at least, so "sent before" stays visible.
        _last = platform == "whatsapp" ? Max(now, _last.AddSeconds(1)) : Max(now, _last.AddMilliseconds(1));
        return platform == "whatsapp" ? WhatsApp(text, profileName) : Instagram(text);
    }

    private string WhatsApp(string text, string profileName) => new JsonObject
    {
        ["object"] = "whatsapp_business_account",
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = "1022" + accountId,
            ["changes"] = new JsonArray(new JsonObject
            {
                ["field"] = "messages",
                ["value"] = new JsonObject
                {
                    ["messaging_product"] = "whatsapp",
                    ["metadata"] = new JsonObject { ["display_phone_number"] = "966500000000", ["phone_number_id"] = accountId },
                    ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = profileName }, ["wa_id"] = customer }),
                    ["messages"] = new JsonArray(new JsonObject
                    {
                        ["from"] = customer,
                        ["id"] = $"wamid.conv{Guid.NewGuid():N}",
                        ["timestamp"] = _last.ToUnixTimeSeconds().ToString(),
                        ["type"] = "text",
                        ["text"] = new JsonObject { ["body"] = text },
                    }),
                },
            }),
        }),
    }.ToJsonString();

    private string Instagram(string text) => new JsonObject
    {
        ["object"] = "instagram",
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = accountId,
            ["time"] = _last.ToUnixTimeMilliseconds(),
            ["messaging"] = new JsonArray(new JsonObject
            {
                ["sender"] = new JsonObject { ["id"] = customer },
                ["recipient"] = new JsonObject { ["id"] = accountId },
                ["timestamp"] = _last.ToUnixTimeMilliseconds(),
                ["message"] = new JsonObject { ["mid"] = $"aWdfconv{Guid.NewGuid():N}", ["text"] = text },
            }),
        }),
    }.ToJsonString();

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
