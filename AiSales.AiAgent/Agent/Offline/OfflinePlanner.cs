using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AiSales.AiAgent.Agent.Offline;

/// <summary>The offline model's next step: call a tool, or reply with text built only from tool results.</summary>
public sealed record PlannedStep(string? Tool, Dictionary<string, object?>? Arguments = null, string? Text = null)
{
    public static PlannedStep Call(string tool, Dictionary<string, object?>? arguments = null) => new(tool, arguments ?? []);

    public static PlannedStep Reply(string text) => new(null, null, text);
}

/// <summary>Deterministic dialogue policy of the offline provider (see OfflineChatClient).</summary>
public static class OfflinePlanner
{
    public const string GetDraftOrder = "get_draft_order";
    public const string SearchProducts = "search_products";
    public const string AddToOrder = "add_to_order";
    public const string SetOrderDetails = "set_order_details";
    public const string ConfirmOrder = "confirm_order";
    public const string TransferToHuman = "transfer_to_human";
    public const string GetProductDetails = "get_product_details";

    public static readonly string[] ToolNames =
        [GetDraftOrder, SearchProducts, AddToOrder, SetOrderDetails, ConfirmOrder, TransferToHuman, GetProductDetails];

    private static readonly string[] DetailFields = ["customer_name", "shipping_address", "phone"];

    /// <param name="draft">The conversation's draft order as the turn began (part of the chat history), or null.</param>
    public static PlannedStep Next(Intent intent, JsonElement? draft, IReadOnlyList<ToolResult> results, OfflineContext context)
    {
        var replies = new OfflineReplies(context);
        if (results.Count == 0)
        {
            // Every turn starts from the order state, so a reply can continue where the last one stopped.
            var missing = draft is { } d ? Str(d, "Missing") : null;
            return FirstDecision(intent, draft, missing, replies);
        }

        var last = results[^1];
        switch (last.Tool)
        {
            case SearchProducts:
                var hits = last.Value.ValueKind == JsonValueKind.Array ? last.Value.EnumerateArray().ToList() : [];
                if (hits.Count == 0)
                {
                    return PlannedStep.Reply(replies.NotFound());
                }

                if (intent.Kind == IntentKind.Order && results.All(r => r.Tool != AddToOrder))
                {
                    return PlannedStep.Call(AddToOrder, new() { ["product"] = Str(hits[0], "ProductId"), ["quantity"] = intent.Quantity });
                }

                return PlannedStep.Reply(replies.Listing(hits));
            case AddToOrder:
            case SetOrderDetails:
                return PlannedStep.Reply(replies.OrderProgress(last.Value, added: last.Tool == AddToOrder));
            case ConfirmOrder:
                return PlannedStep.Reply(replies.Confirmed(last.Value));
            case TransferToHuman:
                return PlannedStep.Reply(replies.Handoff());
            case GetProductDetails when last.Value.ValueKind == JsonValueKind.Object:
                return PlannedStep.Reply(replies.Listing([last.Value]));
            default:
                return PlannedStep.Reply(replies.NotFound());
        }
    }

    private static PlannedStep FirstDecision(Intent intent, JsonElement? draft, string? missing, OfflineReplies replies)
    {
        var awaitingDetail = missing is not null && DetailFields.Contains(missing);
        switch (intent.Kind)
        {
            case IntentKind.Handoff:
                return PlannedStep.Call(TransferToHuman, new() { ["reason"] = "The customer asked for a person" });
            case IntentKind.Confirm when draft is not null && missing is null:
                return PlannedStep.Call(ConfirmOrder);
            case IntentKind.None or IntentKind.Greeting when awaitingDetail:
                return PlannedStep.Call(SetOrderDetails, new() { [ArgumentFor(missing!)] = intent.Text });
            case IntentKind.Confirm when awaitingDetail:
                return PlannedStep.Reply(replies.Ask(missing!));
            case IntentKind.Order or IntentKind.Question when intent.ProductQuery.Length > 0:
                return PlannedStep.Call(SearchProducts, new() { ["query"] = intent.ProductQuery });
            case IntentKind.Order when draft is { } d:
                return PlannedStep.Reply(replies.OrderProgress(d, added: false));
            case IntentKind.Order or IntentKind.Question:
                return PlannedStep.Reply(replies.WhichProduct());
            case IntentKind.Greeting or IntentKind.Confirm:
                return PlannedStep.Reply(replies.Greeting());
            default:
                // Maybe just a product name ("blue kaftan"): a search that finds nothing counts as a failed turn.
                return PlannedStep.Call(SearchProducts, new() { ["query"] = intent.ProductQuery.Length > 0 ? intent.ProductQuery : intent.Text });
        }
    }

    private static string ArgumentFor(string missing) => missing switch
    {
        "customer_name" => "customerName",
        "shipping_address" => "shippingAddress",
        _ => "phone",
    };

    internal static string? Str(JsonElement element, string name) =>
        Prop(element, name) is { } value ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null => null,
            _ => value.GetRawText(),
        } : null;

    internal static JsonElement? Prop(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object) return null;
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(property.Name.Replace("_", ""), name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    internal static decimal Dec(JsonElement element, string name) =>
        Prop(element, name) is { } v ? v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : decimal.TryParse(v.GetString(), CultureInfo.InvariantCulture, out var d) ? d : 0 : 0;

    internal static string Money(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture);
}
