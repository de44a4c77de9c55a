using System.Text.Json;
using System.Text.Json.Serialization;
using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.AiAgent.Agent.Offline.Dialogue;

/// <summary>A product the assistant showed, in the order it showed it ("the second" means <c>Shown[1]</c>).</summary>
public sealed record ShownProduct(Guid Id, string Sku, string Name, string Description);

/// <summary>
/// What the assistant remembers between turns beyond the messages themselves, kept in the conversation
/// (<c>conversations.agent_state</c>) and written only with a reply that was committed, so a superseded turn
/// changes nothing and any instance can take the next turn: the products last shown and which one is in focus,
/// the question the assistant is waiting on, a wish to buy waiting for a pick, the last product words searched,
/// and the last order confirmed here (after which details are not asked again).
/// </summary>
public sealed record DialogueState
{
    public static readonly DialogueState Empty = new();

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public IReadOnlyList<ShownProduct> Shown { get; init; } = [];

    public Guid? Focus { get; init; }

    public Awaiting Awaiting { get; init; } = Awaiting.Nothing;

    /// <summary>The customer asked to buy and was shown a list to pick from: the pick adds this many.</summary>
    public int? BuyQuantity { get; init; }

    public string? LastQuery { get; init; }

    public long? ConfirmedOrder { get; init; }

    public ShownProduct? FocusProduct => Focus is { } id ? Shown.FirstOrDefault(p => p.Id == id) : null;

    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    /// <summary>The stored state, or <see cref="Empty"/> when there is none or it cannot be read (an older shape).</summary>
    public static DialogueState FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return Empty;
        }

        try
        {
            return JsonSerializer.Deserialize<DialogueState>(json, s_json) ?? Empty;
        }
        catch (JsonException)
        {
            return Empty;
        }
    }
}
