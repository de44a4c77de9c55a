using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiSales.AiAgent.Delivery.Interactive;

/// <summary>One choice offered with a reply: the id read back when it is tapped, its title, an optional line under it.</summary>
public sealed record ReplyChoice(string Id, string Title, string? Description = null);

/// <summary>
/// What a reply offers to tap (contract §5): <see cref="Buttons"/> (WhatsApp reply buttons, ≤ 3) or a <see cref="List"/>
/// (WhatsApp list message, ≤ 10 rows, opened by <see cref="Button"/>); on Instagram both are quick replies (≤ 13).
/// With the WhatsApp channel's Meta <see cref="CatalogId"/>, a listing is a <see cref="Products"/> message instead: a
/// single-product message, or a product list (≤ 30 items) headed by <see cref="Button"/>; the item ids are our SKUs.
/// Kept with the outbound message (<c>messages.payload.choices</c>) so the sender builds the body, and the stored text
/// stays what the console shows.
/// </summary>
public sealed record ReplyChoices(string Kind, IReadOnlyList<ReplyChoice> Items, string? Button = null, string? CatalogId = null)
{
    public const string Buttons = "buttons";
    public const string List = "list";
    public const string Products = "products";

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    /// <summary>The stored choices, or null when there are none or they cannot be read.</summary>
    public static ReplyChoices? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ReplyChoices>(json, s_json) is { Items.Count: > 0 } choices ? choices : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
