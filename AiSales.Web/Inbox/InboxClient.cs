using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AiSales.Web.Api;
using Microsoft.AspNetCore.Components;

namespace AiSales.Web.Inbox;

/// <summary>The inbox's calls to the merchant API: conversations, messages, handoff, human replies, WhatsApp templates.</summary>
public sealed class InboxClient(HttpClient http, ApiSession session, NavigationManager navigation)
    : MerchantApiClient(http, session, navigation)
{
    /// <summary>A page of conversations: the first (no cursor), or the one after the page that returned <paramref name="cursor"/>.</summary>
    public Task<ApiResult<ConversationPage>> ListAsync(InboxFilter filter, string? cursor, int limit, CancellationToken cancellationToken = default)
    {
        var query = new List<string> { $"limit={limit}" };
        Add(query, "cursor", cursor);
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

    /// <summary>The newest <paramref name="limit"/> messages (before = 0), or those just before message <paramref name="before"/>; oldest first.</summary>
    public Task<ApiResult<MessagePage>> MessagesBeforeAsync(Guid id, long before, int limit, CancellationToken cancellationToken = default) =>
        GetAsync<MessagePage>($"/api/conversations/{id}/messages?before={before}&limit={limit}", cancellationToken);

    /// <summary>The messages after message <paramref name="after"/> in send order (one page of up to 200).</summary>
    public Task<ApiResult<MessagePage>> MessagesAfterAsync(Guid id, long after, CancellationToken cancellationToken = default) =>
        GetAsync<MessagePage>($"/api/conversations/{id}/messages?after={after}&limit=200", cancellationToken);

    public Task<ApiResult<Conversation>> HandoffAsync(Guid id, string to, CancellationToken cancellationToken = default) =>
        SendAsync<Conversation>(HttpMethod.Post, $"/api/conversations/{id}/handoff", new { to }, cancellationToken);

    public Task<ApiResult<Message>> ReplyAsync(Guid id, string? text, CancellationToken cancellationToken = default) =>
        SendAsync<Message>(HttpMethod.Post, $"/api/conversations/{id}/messages", new { text }, cancellationToken);

    /// <summary>The WhatsApp Business Account's templates (the API caches Meta's list; <paramref name="refresh"/> asks Meta now).</summary>
    public Task<ApiResult<TemplateList>> TemplatesAsync(bool refresh, CancellationToken cancellationToken = default) =>
        GetAsync<TemplateList>(refresh ? "/api/templates?refresh=true" : "/api/templates", cancellationToken);

    /// <summary>Queues an approved template for the customer, like a person's reply; allowed outside the 24-hour window.</summary>
    public Task<ApiResult<Message>> SendTemplateAsync(Guid id, string name, string language, IReadOnlyList<string> parameters, CancellationToken cancellationToken = default) =>
        SendAsync<Message>(HttpMethod.Post, $"/api/conversations/{id}/template", new { name, language, parameters }, cancellationToken);

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
            yield return (data ?? new InboxEvent(item.EventType, null)) with { Kind = item.EventType };
        }
    }
}
