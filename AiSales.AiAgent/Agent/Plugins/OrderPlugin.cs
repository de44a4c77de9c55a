using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace AiSales.AiAgent.Agent.Plugins;

/// <summary>The order taken in conversation (one draft per conversation): built, changed, confirmed or cancelled.</summary>
public sealed class OrderPlugin
{
    public const string GetDraftOrderName = "get_draft_order";

    [KernelFunction(GetDraftOrderName)]
    [Description("Gets the customer's current draft order in this conversation, if any, and which detail is still missing (items, customer_name, shipping_address or phone).")]
    public Task<OrderView?> GetDraftOrderAsync(Kernel kernel, CancellationToken cancellationToken = default) =>
        new DraftOrders(AgentTurn.Of(kernel)).LoadDraftAsync(cancellationToken);

    [KernelFunction("get_order")]
    [Description("Gets what the customer ordered in this conversation: the draft in progress, or else the last confirmed order. Use it when the customer asks what is in their order.")]
    public Task<OrderView?> GetOrderAsync(Kernel kernel, CancellationToken cancellationToken = default) =>
        new OrderChanges(AgentTurn.Of(kernel)).LatestAsync(cancellationToken);

    [KernelFunction("add_to_order")]
    [Description("Adds a product to the customer's draft order (creating the draft) when the customer clearly wants to buy it; never for a price question. Checks stock and that the order keeps one currency.")]
    public Task<OrderView> AddToOrderAsync(
        Kernel kernel,
        [Description("The product id (uuid) or SKU from search_products")] string product,
        [Description("How many the customer wants, at least 1")] int quantity,
        CancellationToken cancellationToken = default) =>
        new DraftOrders(AgentTurn.Of(kernel)).AddToOrderAsync(product, quantity, cancellationToken);

    [KernelFunction("update_quantity")]
    [Description("Changes how many of a product already in the draft order the customer wants (\"make it 3\"). Checks stock.")]
    public Task<OrderView> UpdateQuantityAsync(
        Kernel kernel,
        [Description("The product's SKU or id, as in the order's items")] string product,
        [Description("The new quantity, at least 1")] int quantity,
        CancellationToken cancellationToken = default) =>
        new OrderChanges(AgentTurn.Of(kernel)).UpdateQuantityAsync(product, quantity, cancellationToken);

    [KernelFunction("remove_item")]
    [Description("Removes a product from the draft order.")]
    public Task<OrderView> RemoveItemAsync(
        Kernel kernel,
        [Description("The product's SKU or id, as in the order's items")] string product,
        CancellationToken cancellationToken = default) =>
        new OrderChanges(AgentTurn.Of(kernel)).RemoveAsync(product, cancellationToken);

    [KernelFunction("set_order_details")]
    [Description("Records the customer's name, delivery address and/or phone on the draft order, without lead-ins such as \"my name is\". Pass only what the customer gave.")]
    public Task<OrderView> SetOrderDetailsAsync(
        Kernel kernel,
        [Description("The customer's name, or empty")] string? customerName = null,
        [Description("The delivery address, or empty")] string? shippingAddress = null,
        [Description("A phone number to reach the customer, or empty")] string? phone = null,
        CancellationToken cancellationToken = default) =>
        new DraftOrders(AgentTurn.Of(kernel)).SetOrderDetailsAsync(customerName, shippingAddress, phone, cancellationToken);

    [KernelFunction("confirm_order")]
    [Description("Confirms the draft order once it has items, the customer's name and address (and phone on Instagram), after the customer agreed. Reserves the stock; if a product ran short it says how many are left. Returns the order number and total.")]
    public Task<OrderView> ConfirmOrderAsync(Kernel kernel, CancellationToken cancellationToken = default) =>
        new OrderConfirmation(AgentTurn.Of(kernel)).ConfirmAsync(cancellationToken);

    [KernelFunction("cancel_order")]
    [Description("Cancels the customer's order in this conversation when they ask to: the draft, or else their last confirmed order (its stock is given back).")]
    public Task<OrderView> CancelOrderAsync(Kernel kernel, CancellationToken cancellationToken = default) =>
        new OrderConfirmation(AgentTurn.Of(kernel)).CancelAsync(cancellationToken);
}
