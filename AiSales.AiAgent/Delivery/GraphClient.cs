using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiSales.Core.Messaging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace AiSales.AiAgent.Delivery;

/// <summary>
/// One message to one customer, as the sender hands it to the Graph API: text, with what it offers to tap (if any), or,
/// with <see cref="Template"/>, one WhatsApp template.
/// </summary>
public sealed record GraphSend(
    Guid DeliveryId, string Platform, string AccountId, string AccessToken, string Recipient, string Text, bool HumanAgentTag,
    string? Template = null, Interactive.ReplyChoices? Choices = null);

/// <summary>
/// The typed client for Meta's Graph API send endpoints (contract section 5). Its resilience pipeline
/// (Extensions.AddGraphClient) retries only what cannot have reached Meta or what Meta says it did not
/// process (codes 1 and 2, HTTP 5xx); throttling is returned to the caller, which reschedules the delivery.
/// </summary>
public sealed class GraphClient(HttpClient http, IOptions<GraphOptions> options, ILogger<GraphClient> logger)
{
    public async Task<GraphSendResult> SendAsync(GraphSend send, CancellationToken cancellationToken)
    {
        var version = options.Value.GraphApiVersion.Trim('/');
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{version}/{Uri.EscapeDataString(send.AccountId)}/messages")
        {
            Content = JsonContent.Create(Body(send)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", send.AccessToken);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            // Never connected: nothing reached Meta, so trying again later cannot duplicate.
            return new GraphSendResult(GraphOutcome.Transient, ErrorMessage: $"Graph API unreachable: {ex.HttpRequestError}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or TaskCanceledException or IOException)
        {
            // The request may have been delivered: resending could give the customer two copies.
            logger.LogWarning("Send of delivery {DeliveryId} ended without an answer ({Error}); its outcome is unknown", send.DeliveryId, ex.GetType().Name);
            return new GraphSendResult(GraphOutcome.Unknown, ErrorMessage: $"No answer from the Graph API ({ex.GetType().Name}); outcome unknown");
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                var externalId = ExternalIdOf(send.Platform, text);
                return externalId is null
                    ? new GraphSendResult(GraphOutcome.Unknown, ErrorMessage: "The Graph API answered without a message id")
                    : new GraphSendResult(GraphOutcome.Sent, externalId);
            }

            var (code, message) = ErrorOf(text);
            var outcome = GraphSendResult.Classify(code, (int)response.StatusCode);
            return new GraphSendResult(outcome, ErrorCode: code, ErrorMessage: message ?? $"HTTP {(int)response.StatusCode}", RetryAfter: RetryAfterOf(response));
        }
    }

    /// <summary>The request body: text, or the interactive shape when the send offers choices that fit (contract §5).</summary>
    public static JsonObject Body(GraphSend send)
    {
        if (send.Platform == Platforms.WhatsApp && send.Template is not null)
        {
            return TemplateMessage.Body(send.Recipient, JsonNode.Parse(send.Template)!, send.DeliveryId);
        }

        if (send.Platform == Platforms.WhatsApp)
        {
            var interactive = send.Choices is { } choices ? Interactive.InteractiveBodies.WhatsApp(send.Text, choices) : null;
            var body = new JsonObject
            {
                ["messaging_product"] = "whatsapp",
                ["recipient_type"] = "individual",
                // A customer known only by a business-scoped user id is addressed with "recipient" (Meta, 2026 usernames).
                [WhatsAppAddress.SendField(send.Recipient)] = send.Recipient,
                ["type"] = interactive is null ? "text" : "interactive",
                [interactive is null ? "text" : "interactive"] = interactive ?? new JsonObject { ["body"] = send.Text },
                // Echoed back in status webhooks: ingestion records the wamid on this delivery (reconciliation).
                ["biz_opaque_callback_data"] = send.DeliveryId.ToString(),
            };
            return body;
        }

        var quickReplies = send.Choices is { } offered && !send.HumanAgentTag ? Interactive.InteractiveBodies.Instagram(send.Text, offered) : null;
        var instagram = new JsonObject { ["recipient"] = new JsonObject { ["id"] = send.Recipient } };
        if (send.HumanAgentTag)
        {
            instagram["messaging_type"] = "MESSAGE_TAG";
            instagram["tag"] = "HUMAN_AGENT";
        }
        else if (quickReplies is not null)
        {
            instagram["messaging_type"] = "RESPONSE";
        }

        instagram["message"] = quickReplies ?? new JsonObject { ["text"] = send.Text };
        return instagram;
    }

    private static string? ExternalIdOf(string platform, string json)
    {
        try
        {
            var node = JsonNode.Parse(json);
            return platform == Platforms.WhatsApp
                ? node?["messages"]?[0]?["id"]?.GetValue<string>()
                : node?["message_id"]?.GetValue<string>();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    internal static (int? Code, string? Message) ErrorOf(string json)
    {
        try
        {
            var error = JsonNode.Parse(json)?["error"];
            var code = error?["code"]?.GetValueKind() == JsonValueKind.Number ? error["code"]!.GetValue<int>() : (int?)null;
            var message = error?["message"]?.GetValueKind() == JsonValueKind.String ? error["message"]!.GetValue<string>() : null;
            return (code, message);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return (null, null);
        }
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta
        ?? (response.Headers.RetryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
}
