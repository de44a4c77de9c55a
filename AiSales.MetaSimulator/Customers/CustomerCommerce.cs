using AiSales.MetaSimulator.Demo;
using AiSales.MetaSimulator.Graph;

namespace AiSales.MetaSimulator.Customers;

/// <summary>
/// The customer's commerce actions on the chat page: tapping a button, list row or quick reply the shop offered, and
/// sending a cart from the demo catalogue (WhatsApp). Each becomes the signed webhook Meta would send.
/// </summary>
public sealed class CustomerCommerce(AccountRegistry accounts, ChatStore chats, SimulatedCustomer customer, TimeProvider time)
{
    public async Task<IResult> TapAsync(string platform, string? accountId, string customerId, string? customerName, string choiceId)
    {
        if (ChatApi.Resolve(platform, accounts, accountId) is not { } account)
        {
            return ChatApi.NoAccount(platform);
        }

        // Only a choice the shop offered in this chat can be tapped, as in the apps.
        var offered = chats.Messages(account.Platform, account.AccountId, customerId)
            .LastOrDefault(m => m.Choices?.Any(c => c.Id == choiceId) == true);
        if (offered is null)
        {
            return TypedResults.Problem(statusCode: 400, title: "No such choice", detail: "Tap a button, row or quick reply the shop offered.");
        }

        var choice = offered.Choices!.First(c => c.Id == choiceId);
        var now = time.GetUtcNow();
        if (offered.ChoiceKind == "order")
        {
            // A product card: the customer adds it to the cart and sends the cart.
            var product = DemoCatalogue.Products.FirstOrDefault(p => p.Sku == choice.Id);
            return await SendCartAsync(account, customerId, customerName, [(choice.Id, 1, product?.Price ?? 0m, product?.Currency ?? "SAR")]);
        }

        if (account.Platform == Platform.WhatsApp)
        {
            var id = WebhookPayloads.NewWhatsAppMessageId();
            var bubble = chats.AddCustomerMessage(account.Platform, account.AccountId, customerId, id, "interactive", choice.Title);
            var message = CommercePayloads.WhatsAppTap(customerId, id, now, offered.ChoiceKind ?? "button_reply", choice.Id, choice.Title);
            return await customer.PostAsync(account, customerId, WebhookPayloads.WhatsAppMessages(account.AccountId, customerId, Name(customerName), message), [bubble]);
        }

        var mid = WebhookPayloads.NewInstagramMessageId();
        var quick = chats.AddCustomerMessage(account.Platform, account.AccountId, customerId, mid, "text", choice.Title);
        return await customer.PostAsync(account, customerId, CommercePayloads.InstagramQuickReply(account.AccountId, customerId, mid, now, choice.Title, choice.Id), [quick]);
    }

    /// <summary>A cart of the demo catalogue's first two products (one and two of them) at their listed prices.</summary>
    public async Task<IResult> CartAsync(string platform, string? accountId, string customerId, string? customerName)
    {
        if (ChatApi.Resolve(platform, accounts, accountId) is not { } account)
        {
            return ChatApi.NoAccount(platform);
        }

        if (account.Platform != Platform.WhatsApp)
        {
            return TypedResults.Problem(statusCode: 400, title: "Not on Instagram", detail: "Carts come from a WhatsApp catalogue.");
        }

        var lines = DemoCatalogue.Products.Take(2).Select((p, i) => (p.Sku, Quantity: i + 1, p.Price, p.Currency)).ToList();
        return await SendCartAsync(account, customerId, customerName, lines);
    }

    private async Task<IResult> SendCartAsync(
        SimulatedAccount account, string customerId, string? customerName, IReadOnlyList<(string Sku, int Quantity, decimal Price, string Currency)> lines)
    {
        var id = WebhookPayloads.NewWhatsAppMessageId();
        var text = "🛒 " + string.Join(", ", lines.Select(l => $"{l.Quantity} × {l.Sku}"));
        var bubble = chats.AddCustomerMessage(account.Platform, account.AccountId, customerId, id, "order", text);
        var message = CommercePayloads.WhatsAppOrder(customerId, id, time.GetUtcNow(), lines);
        return await customer.PostAsync(account, customerId, WebhookPayloads.WhatsAppMessages(account.AccountId, customerId, Name(customerName), message), [bubble]);
    }

    private static string Name(string? customerName) => string.IsNullOrWhiteSpace(customerName) ? "Demo Customer" : customerName.Trim();
}
