using AiSales.MetaSimulator.Graph;
using Microsoft.Extensions.Options;

namespace AiSales.MetaSimulator.Customers;

/// <summary>
/// What Meta sends back after a successful send: WhatsApp statuses sent → delivered → read (echoing
/// biz_opaque_callback_data), Instagram an echo of our own message and then a read receipt. Each is a
/// signed webhook to the API, a moment apart, as the customer's phone would cause them.
/// </summary>
public sealed class StatusWebhooks(
    ApiClient api, ChatStore chats, TimeProvider time, IOptions<SimulatorOptions> options, ILogger<StatusWebhooks> logger)
{
    public void ScheduleWhatsAppStatuses(SimulatedAccount account, string recipient, string messageId, string? callbackData) =>
        _ = Task.Run(async () =>
        {
            foreach (var status in new[] { "sent", "delivered", "read" })
            {
                await Task.Delay(options.Value.StatusDelayMilliseconds);
                var body = WebhookPayloads.WhatsAppStatus(account.AccountId, messageId, status, time.GetUtcNow(), recipient, callbackData);
                await SendAsync("whatsapp", body);
                chats.UpdateStatus(Platform.WhatsApp, account.AccountId, recipient, messageId, status);
            }
        });

    public void ScheduleInstagramEchoAndRead(SimulatedAccount account, string recipient, string messageId, string text) =>
        _ = Task.Run(async () =>
        {
            await Task.Delay(options.Value.StatusDelayMilliseconds);
            await SendAsync("instagram", WebhookPayloads.InstagramEcho(account.AccountId, recipient, messageId, time.GetUtcNow(), text));
            chats.UpdateStatus(Platform.Instagram, account.AccountId, recipient, messageId, "delivered");
            await Task.Delay(options.Value.StatusDelayMilliseconds);
            await SendAsync("instagram", WebhookPayloads.InstagramRead(account.AccountId, recipient, messageId, time.GetUtcNow()));
            chats.UpdateStatus(Platform.Instagram, account.AccountId, recipient, messageId, "read");
        });

    private async Task SendAsync(string platform, System.Text.Json.Nodes.JsonObject body)
    {
        try
        {
            var status = await api.PostWebhookAsync(platform, WebhookPayloads.Serialize(body), CancellationToken.None);
            if (status != 200)
            {
                logger.LogWarning("The API answered {StatusCode} to a {Platform} status webhook", status, platform);
            }
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "Could not deliver a {Platform} status webhook to the API", platform);
        }
    }
}
