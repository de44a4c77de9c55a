using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AiSales.Tests.Conversations;

/// <summary>
/// Meta's Graph API for the conversation suite: accepts every send and keeps, per account, the texts the shop sent
/// (plain text, interactive buttons and lists, Instagram quick replies); read receipts and typing indicators carry no
/// text and are not replies. Answers the channel ownership checks (contract §6) for the accounts it was told about.
/// </summary>
public sealed class ConversationGraph : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _replies = new();
    private readonly ConcurrentDictionary<string, string> _accountByToken = new();

    private ConversationGraph(WebApplication app, int port)
    {
        _app = app;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    public string BaseUrl { get; }

    public static async Task<ConversationGraph> StartAsync()
    {
        var (app, port) = LocalHttpServer.Create();
        var graph = new ConversationGraph(app, port);
        app.MapPost("/{version}/{accountId}/messages", graph.SendAsync);
        app.MapGet("/{version}/me", (HttpContext context) =>
            graph._accountByToken.TryGetValue(Bearer(context), out var account)
                ? Results.Ok(new { id = account, user_id = account, username = "conversation_suite" })
                : Results.Json(new { error = new { message = "Invalid OAuth access token.", code = 190 } }, statusCode: 401));
        app.MapGet("/{version}/{accountId}", (string accountId, HttpContext context) =>
            graph._accountByToken.TryGetValue(Bearer(context), out var account) && account == accountId
                ? Results.Ok(new { id = accountId, display_phone_number = "+966 50 000 0000", verified_name = "Conversation suite" })
                : Results.Json(new { error = new { message = "Invalid OAuth access token.", code = 190 } }, statusCode: 401));
        await app.StartAsync();
        return graph;
    }

    /// <summary>The token that proves ownership of the account when the shop connects its channel.</summary>
    public void Register(string accountId, string token) => _accountByToken[token] = accountId;

    /// <summary>The texts sent to this account's customers so far, oldest first.</summary>
    public IReadOnlyList<string> Replies(string accountId) =>
        _replies.TryGetValue(accountId, out var queue) ? queue.ToList() : [];

    private async Task SendAsync(string version, string accountId, HttpContext context)
    {
        var body = (JsonObject?)await JsonNode.ParseAsync(context.Request.Body) ?? [];
        var text = TextOf(body);
        if (text.Length > 0)
        {
            _replies.GetOrAdd(accountId, _ => new ConcurrentQueue<string>()).Enqueue(text);
        }

        if (body.ContainsKey("messaging_product"))
        {
            await context.Response.WriteAsJsonAsync(new { messaging_product = "whatsapp", messages = new[] { new { id = $"wamid.conv{Guid.NewGuid():N}" } } });
        }
        else
        {
            var recipient = body["recipient"]?["id"]?.GetValue<string>() ?? "";
            await context.Response.WriteAsJsonAsync(new { recipient_id = recipient, message_id = $"mid.conv{Guid.NewGuid():N}" });
        }
    }

    /// <summary>Everything a customer would read in one send, one line per part.</summary>
    private static string TextOf(JsonObject body)
    {
        var parts = new List<string?>
        {
            body["text"]?["body"]?.GetValue<string>(),
            body["message"]?["text"]?.GetValue<string>(),
            body["interactive"]?["header"]?["text"]?.GetValue<string>(),
            body["interactive"]?["body"]?["text"]?.GetValue<string>(),
        };
        var action = body["interactive"]?["action"];
        parts.AddRange(Items(action?["buttons"]).Select(b => b?["reply"]?["title"]?.GetValue<string>()));
        // A list message's rows are the choices a numbered list would offer: numbered in order, so "{2}" works for both.
        var rows = Items(action?["sections"]).SelectMany(section => Items(section?["rows"])).ToList();
        parts.AddRange(rows.Select((r, i) => $"{i + 1}. {r?["title"]?.GetValue<string>()} {r?["description"]?.GetValue<string>()}".TrimEnd()));

        parts.AddRange(Items(body["message"]?["quick_replies"]).Select(q => q?["title"]?.GetValue<string>()));
        return string.Join("\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
    }

    private static IEnumerable<JsonNode?> Items(JsonNode? node) => node as JsonArray ?? [];

    private static string Bearer(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().Replace("Bearer ", "", StringComparison.OrdinalIgnoreCase).Trim();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
