using System.Text.Json.Nodes;
using AiSales.Web.Api;
using Microsoft.AspNetCore.Components;

namespace AiSales.Web.Assistant;

/// <summary>
/// GET / PUT /api/merchant/ai-config. The configuration travels as a JSON object and is sent back whole, so a field
/// this console does not edit yet is kept, never wiped by a save.
/// </summary>
public sealed class AssistantClient(HttpClient http, ApiSession session, NavigationManager navigation)
    : MerchantApiClient(http, session, navigation)
{
    public Task<ApiResult<JsonObject>> GetAsync(CancellationToken cancellationToken = default) =>
        GetAsync<JsonObject>("/api/merchant/ai-config", cancellationToken);

    public Task<ApiResult<JsonObject>> SaveAsync(JsonObject config, CancellationToken cancellationToken = default) =>
        SendAsync<JsonObject>(HttpMethod.Put, "/api/merchant/ai-config", config, cancellationToken);
}

/// <summary>The form's view of the configuration: the fields it edits, written back into the object it came from.</summary>
public sealed class AssistantForm
{
    public string? AssistantName { get; set; }

    public string? Persona { get; set; }

    public string Language { get; set; } = "auto";

    public string? Greeting { get; set; }

    public bool AiEnabled { get; set; } = true;

    /// <summary>WhatsApp buttons and lists, Instagram quick replies; off: plain text only.</summary>
    public bool InteractiveReplies { get; set; } = true;

    /// <summary>A customer's photo: "ask" which product they mean, or "handoff" to a person.</summary>
    public string ImageReply { get; set; } = "ask";

    /// <summary>One keyword per line (commas also separate).</summary>
    public string? HandoffKeywords { get; set; }

    public List<FaqItem> Faq { get; set; } = [];

    public static AssistantForm From(JsonObject config) => new()
    {
        AssistantName = (string?)config["assistantName"],
        Persona = (string?)config["persona"],
        Language = (string?)config["language"] ?? "auto",
        Greeting = (string?)config["greeting"],
        AiEnabled = (bool?)config["aiEnabled"] ?? true,
        InteractiveReplies = (bool?)config["interactiveReplies"] ?? true,
        ImageReply = (string?)config["imageReply"] ?? "ask",
        HandoffKeywords = string.Join('\n', config["handoffKeywords"]?.AsArray().Select(k => (string?)k) ?? []),
        Faq = [.. config["faq"]?.AsArray().OfType<JsonObject>().Select(e => new FaqItem { Question = (string?)e["question"], Answer = (string?)e["answer"] }) ?? []],
    };

    public JsonObject WriteTo(JsonObject config)
    {
        var copy = (JsonObject)config.DeepClone();
        copy["assistantName"] = AssistantName;
        copy["persona"] = Persona ?? "";
        copy["language"] = Language;
        copy["greeting"] = Greeting ?? "";
        copy["aiEnabled"] = AiEnabled;
        copy["interactiveReplies"] = InteractiveReplies;
        copy["imageReply"] = ImageReply;
        copy["handoffKeywords"] = new JsonArray([.. (HandoffKeywords ?? "")
            .Split(['\n', ',', '،'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(k => (JsonNode?)JsonValue.Create(k))]);
        copy["faq"] = new JsonArray([.. Faq.Select(e => (JsonNode?)new JsonObject { ["question"] = e.Question, ["answer"] = e.Answer })]);
        return copy;
    }
}

/// <summary>One faq entry as the form edits it.</summary>
public sealed class FaqItem
{
    public string? Question { get; set; }

    public string? Answer { get; set; }
}
