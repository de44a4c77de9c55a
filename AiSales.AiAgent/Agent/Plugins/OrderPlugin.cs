using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace AiSales.AiAgent.Agent.Plugins;

public sealed record OrderLine(string Sku, string Name, decimal UnitPrice, int Quantity, decimal LineTotal);

/// <summary>The conversation's order as the customer sees it; Missing names the next detail to ask for, one at a time.</summary>
public sealed record OrderView(
    Guid OrderId, long Number, string Status, IReadOnlyList<OrderLine> Items, decimal Total, string? Currency,
    string? CustomerName, string? ShippingAddress, string? Phone, string? Missing, string? Problem = null);

/// <summary>Draft orders taken in conversation (one draft per conversation), then confirmed.</summary>
public sealed class OrderPlugin
{
    [KernelFunction("get_draft_order")]
    [Description("Gets the customer's current draft order in this conversation, if any, and which detail is still missing (items, customer_name, shipping_address or phone).")]
    public Task<OrderView?> GetDraftOrderAsync(Kernel kernel, CancellationToken cancellationToken = default) =>
        new DraftOrders(AgentTurn.Of(kernel)).LoadDraftAsync(cancellationToken);

    [KernelFunction("add_to_order")]
    [Description("Adds a product to the customer's draft order (creating the draft), or changes its quantity. Only for products returned by search_products.")]
    public Task<OrderView> AddToOrderAsync(
        Kernel kernel,
        [Description("The product id (uuid) or SKU from search_products")] string product,
        [Description("How many the customer wants, at least 1")] int quantity,
        CancellationToken cancellationToken = default) =>
        new DraftOrders(AgentTurn.Of(kernel)).AddToOrderAsync(product, quantity, cancellationToken);

    [KernelFunction("set_order_details")]
    [Description("Records the customer's name, shipping address and/or phone on the draft order. Pass only what the customer gave.")]
    public Task<OrderView> SetOrderDetailsAsync(
        Kernel kernel,
        [Description("The customer's full name, or empty")] string? customerName = null,
        [Description("The shipping address, or empty")] string? shippingAddress = null,
        [Description("A phone number to reach the customer, or empty")] string? phone = null,
        CancellationToken cancellationToken = default) =>
        new DraftOrders(AgentTurn.Of(kernel)).SetOrderDetailsAsync(customerName, shippingAddress, phone, cancellationToken);

    [KernelFunction("confirm_order")]
    [Description("Confirms the draft order once it has items, the customer's name and address (and phone on Instagram), after the customer agreed. Returns the order number and total.")]
    public Task<OrderView> ConfirmOrderAsync(Kernel kernel, CancellationToken cancellationToken = default) =>
        new DraftOrders(AgentTurn.Of(kernel)).ConfirmOrderAsync(cancellationToken);
}
