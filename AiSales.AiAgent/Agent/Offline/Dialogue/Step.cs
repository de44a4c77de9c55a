namespace AiSales.AiAgent.Agent.Offline.Dialogue;

/// <summary>The offline model's next step in a turn: call one tool, or reply with text and the state it leads to.</summary>
public sealed record Step(string? Tool, Dictionary<string, object?>? Arguments, string? Text, DialogueState? State)
{
    public static Step Call(string tool, Dictionary<string, object?>? arguments = null) => new(tool, arguments ?? [], null, null);

    public static Step Reply(string text, DialogueState state) => new(null, null, text, state);
}

/// <summary>The tools' names as the plugins declare them (SK prefixes them with the plugin's name).</summary>
public static class Tools
{
    public const string SearchProducts = "search_products";
    public const string GetProductDetails = "get_product_details";
    public const string AddToOrder = "add_to_order";
    public const string UpdateQuantity = "update_quantity";
    public const string RemoveItem = "remove_item";
    public const string GetOrder = "get_order";
    public const string SetOrderDetails = "set_order_details";
    public const string ConfirmOrder = "confirm_order";
    public const string CancelOrder = "cancel_order";
    public const string StoreInfo = "store_info";
    public const string TransferToHuman = "transfer_to_human";

    public static readonly string[] All =
    [
        SearchProducts, GetProductDetails, AddToOrder, UpdateQuantity, RemoveItem, GetOrder, SetOrderDetails, ConfirmOrder,
        CancelOrder, StoreInfo, TransferToHuman,
    ];

    /// <summary>"catalog-search_products" → "search_products" (function names contain underscores themselves).</summary>
    public static string Short(string name) => All.FirstOrDefault(t => name.EndsWith(t, StringComparison.Ordinal)) ?? name;
}
