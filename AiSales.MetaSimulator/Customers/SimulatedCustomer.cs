using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AiSales.MetaSimulator.Graph;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AiSales.MetaSimulator.Customers;

public enum CustomerAction
{
    Text,
    Image,
    Reaction,
    StoryMention,
}

/// <summary>Turns what a customer does on the page into the webhook Meta would send, signs it and posts it to the API.</summary>
public sealed class SimulatedCustomer(AccountRegistry accounts, ChatStore chats, ApiClient api, TimeProvider time, MediaLibrary media, IServer server)
{
    private const string DefaultName = "Demo Customer";

    // The last body sent per chat, for the "duplicate delivery" button.
    private readonly ConcurrentDictionary<string, (string Platform, byte[] Body)> _lastBodies = new(StringComparer.Ordinal);

    public async Task<IResult> SendAsync(string platform, string? accountId, string customerId, string? customerName, CustomerAction action, string text)
    {
        if (ChatApi.Resolve(platform, accounts, accountId) is not { } account)
        {
            return ChatApi.NoAccount(platform);
        }

        var now = time.GetUtcNow();
        var name = string.IsNullOrWhiteSpace(customerName) ? DefaultName : customerName.Trim();
        JsonObject body;
        ChatMessage? bubble = null;
        if (account.Platform == Platform.WhatsApp)
        {
            var id = WebhookPayloads.NewWhatsAppMessageId();
            JsonObject message;
            switch (action)
            {
                case CustomerAction.Image:
                    // A real photo, served by the simulated Graph API (GraphMediaApi): the platform fetches it.
                    var photo = media.Add(account.AccountId, DemoImage.Png, "image/png");
                    message = WebhookPayloads.WhatsAppImage(customerId, id, now, text, photo);
                    bubble = chats.AddCustomerMessage(account.Platform, account.AccountId, customerId, id, "image", text, $"/chat-media/{photo.Id}");
                    break;
                case CustomerAction.Reaction:
                    var reacted = LastShopMessage(account, customerId);
                    if (reacted is null)
                    {
                        return NothingToReactTo();
                    }

                    message = WebhookPayloads.WhatsAppReaction(customerId, id, now, reacted.Id, text);
                    break;
                case CustomerAction.StoryMention:
                    return TypedResults.Problem(statusCode: 400, title: "Not on WhatsApp", detail: "Story mentions exist on Instagram only.");
                default:
                    message = WebhookPayloads.WhatsAppText(customerId, id, now, text);
                    bubble = chats.AddCustomerMessage(account.Platform, account.AccountId, customerId, id, "text", text);
                    break;
            }

            body = WebhookPayloads.WhatsAppMessages(account.AccountId, customerId, name, message);
        }
        else
        {
            var mid = WebhookPayloads.NewInstagramMessageId();
            switch (action)
            {
                case CustomerAction.Image:
                    var picture = media.Add(account.AccountId, DemoImage.Png, "image/png");
                    body = WebhookPayloads.InstagramAttachment(account.AccountId, customerId, mid, now, "image", GraphMediaApi.CdnUrl(picture, OwnAddress()));
                    bubble = chats.AddCustomerMessage(account.Platform, account.AccountId, customerId, mid, "image", text, $"/chat-media/{picture.Id}");
                    break;
                case CustomerAction.Reaction:
                    var reacted = LastShopMessage(account, customerId);
                    if (reacted is null)
                    {
                        return NothingToReactTo();
                    }

                    body = WebhookPayloads.InstagramReaction(account.AccountId, customerId, now, reacted.Id, text);
                    break;
                case CustomerAction.StoryMention:
                    body = WebhookPayloads.InstagramAttachment(account.AccountId, customerId, mid, now, "story_mention", "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=" + Random.Shared.Next());
                    bubble = chats.AddCustomerMessage(account.Platform, account.AccountId, customerId, mid, "story_mention", "📣 mentioned you in their story");
                    break;
                default:
                    body = WebhookPayloads.InstagramText(account.AccountId, customerId, mid, now, text);
                    bubble = chats.AddCustomerMessage(account.Platform, account.AccountId, customerId, mid, "text", text);
                    break;
            }
        }

        return await PostAsync(account, customerId, body, bubble is null ? [] : [bubble]);
    }

    /// <summary>Where the platform reaches this simulator (its Graph API base URL is this same server).</summary>
    private string OwnAddress() =>
        server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.Replace("[::]", "localhost").Replace("0.0.0.0", "localhost")
        ?? "http://localhost:5300";

    public async Task<IResult> SendBatchAsync(string platform, string? accountId, string customerId, string? customerName, string[] texts)
    {
        if (ChatApi.Resolve(platform, accounts, accountId) is not { } account)
        {
            return ChatApi.NoAccount(platform);
        }

        var now = time.GetUtcNow();
        var bubbles = new List<ChatMessage>();
        var bodies = new List<JsonObject>();
        foreach (var text in texts.Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            if (account.Platform == Platform.WhatsApp)
            {
                var id = WebhookPayloads.NewWhatsAppMessageId();
                bodies.Add(WebhookPayloads.WhatsAppMessages(account.AccountId, customerId, customerName ?? DefaultName, WebhookPayloads.WhatsAppText(customerId, id, now, text)));
                bubbles.Add(chats.AddCustomerMessage(account.Platform, account.AccountId, customerId, id, "text", text));
            }
            else
            {
                var mid = WebhookPayloads.NewInstagramMessageId();
                bodies.Add(WebhookPayloads.InstagramText(account.AccountId, customerId, mid, now, text));
                bubbles.Add(chats.AddCustomerMessage(account.Platform, account.AccountId, customerId, mid, "text", text));
            }
        }

        return await PostAsync(account, customerId, WebhookPayloads.Batch([.. bodies]), bubbles);
    }

    public async Task<IResult> ResendLastAsync(string platform, string? accountId, string customerId)
    {
        if (ChatApi.Resolve(platform, accounts, accountId) is not { } account)
        {
            return ChatApi.NoAccount(platform);
        }

        if (!_lastBodies.TryGetValue(Key(account, customerId), out var last))
        {
            return TypedResults.Problem(statusCode: 400, title: "Nothing to repeat", detail: "Send a message first; this button delivers the same webhook again.");
        }

        var status = await api.PostWebhookAsync(last.Platform, last.Body, CancellationToken.None);
        return TypedResults.Ok(new ChatApi.SendResult(status, []));
    }

    internal async Task<IResult> PostAsync(SimulatedAccount account, string customerId, JsonObject body, IReadOnlyList<ChatMessage> bubbles)
    {
        var platform = account.Platform == Platform.WhatsApp ? "whatsapp" : "instagram";
        var bytes = WebhookPayloads.Serialize(body);
        _lastBodies[Key(account, customerId)] = (platform, bytes);
        var status = await api.PostWebhookAsync(platform, bytes, CancellationToken.None);
        return TypedResults.Ok(new ChatApi.SendResult(status, bubbles));
    }

    private ChatMessage? LastShopMessage(SimulatedAccount account, string customerId) =>
        chats.Messages(account.Platform, account.AccountId, customerId).LastOrDefault(m => m.From == "shop");

    private static IResult NothingToReactTo() =>
        TypedResults.Problem(statusCode: 400, title: "Nothing to react to", detail: "Wait for a reply from the shop, then react to it.");

    private static string Key(SimulatedAccount account, string customerId) => $"{account.AccountId}/{customerId}";
}
