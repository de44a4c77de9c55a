using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AiSales.Web.Api;
using Microsoft.AspNetCore.Components;

namespace AiSales.Web.Inbox;

/// <summary>The inbox's calls to the merchant API: conversations, messages, handoff, human replies.</summary>
public sealed class InboxClient(HttpClient http, ApiSession session, NavigationManager navigation)
    : MerchantApiClient(http, session, navigation)
{
    private const int MaxMessages = 1000;

    public Task<ApiResult<ConversationPage>> ListAsync(InboxFilter filter, CancellationToken cancellationToken = default)
    {
        var query = new List<string> { "limit=50" };
        Add(query, "platform", filter.Platform);
        Add(query, "status", filter.Status);
        Add(query, "q", filter.Search);
        if (filter.Unanswered)
        {
            query.Add("unanswered=true");
        }

        return GetAsync<ConversationPage>("/api/conversations?" + string.Join('&', query), cancellationToken);
    }

    public Task<ApiResult<Conversation>> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<Conversation>($"/api/conversations/{id}", cancellationToken);

    /// <summary>The conversation's messages, oldest first, in pages of 200 (a conversation shows at most its first 1,000).</summary>
    public async Task<ApiResult<List<Message>>> MessagesAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var messages = new List<Message>();
        long after = 0;
        while (messages.Count < MaxMessages)
        {
            var page = await GetAsync<MessagePage>($"/api/conversations/{id}/messages?limit=200&after={after}", cancellationToken);
            if (page.Value is null)
            {
                return page.Problem!;
            }

            messages.AddRange(page.Value.Items);
            if (page.Value.NextAfter is not { } next)
            {
                break;
            }

            after = next;
        }

        return new ApiResult<List<Message>>(messages, null);
    }

    public Task<ApiResult<Conversation>> HandoffAsync(Guid id, string to, CancellationToken cancellationToken = default) =>
        SendAsync<Conversation>(HttpMethod.Post, $"/api/conversations/{id}/handoff", new { to }, cancellationToken);

    public Task<ApiResult<Message>> ReplyAsync(Guid id, string? text, CancellationToken cancellationToken = default) =>
        SendAsync<Message>(HttpMethod.Post, $"/api/conversations/{id}/messages", new { text }, cancellationToken);

    private static void Add(List<string> query, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            query.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }
}

/// <summary>
/// The merchant's live feed (GET /api/events, server-sent events) on its own HttpClient: no timeout and no retry
/// handler, since the response is a stream that stays open.
/// </summary>
public sealed class InboxEvents(HttpClient http, ApiSession session, NavigationManager navigation)
    : MerchantApiClient(http, session, navigation)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async IAsyncEnumerable<InboxEvent> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/events");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancellationToken))
        {
            var data = string.IsNullOrWhiteSpace(item.Data) || item.Data == "null" ? null : JsonSerializer.Deserialize<InboxEvent>(item.Data, Json);
            yield return new InboxEvent(item.EventType, data?.ConversationId);
        }
    }
}
