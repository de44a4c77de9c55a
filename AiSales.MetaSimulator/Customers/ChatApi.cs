using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using AiSales.MetaSimulator.Customers;
using AiSales.MetaSimulator.Graph;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The customer's side of the demo: each call becomes a correctly signed webhook to the API, as Meta would
/// send it, and the page follows the chat live (server-sent events) as replies reach the Graph fake.
/// </summary>
public static class ChatApi
{
    public sealed record SendRequest(string? Text, string? CustomerName);

    public sealed record BatchRequest(string[] Texts, string? CustomerName);

    public sealed record TapRequest(string? Id, string? CustomerName);

    public sealed record SendResult(int ApiStatus, IReadOnlyList<ChatMessage> Messages);

    public static IEndpointRouteBuilder MapChatApi(this IEndpointRouteBuilder app)
    {
        var chats = app.MapGroup("/simulator/chats/{platform}/{customerId}").WithTags("Customer side");
        chats.MapGet("/", GetMessages);
        chats.MapGet("/events", StreamEvents);
        chats.MapPost("/messages", SendTextAsync);
        chats.MapPost("/image", SendImageAsync);
        chats.MapPost("/reaction", SendReactionAsync);
        chats.MapPost("/story-mention", SendStoryMentionAsync);
        chats.MapPost("/duplicate", SendDuplicateAsync);
        chats.MapPost("/batch", SendBatchAsync);
        chats.MapPost("/tap", (string platform, string customerId, string? account, TapRequest request, CustomerCommerce commerce) =>
            string.IsNullOrWhiteSpace(request.Id)
                ? Task.FromResult<IResult>(TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = ["Name the choice tapped."] }))
                : commerce.TapAsync(platform, account, customerId, request.CustomerName, request.Id));
        chats.MapPost("/cart", (string platform, string customerId, string? account, SendRequest request, CustomerCommerce commerce) =>
            commerce.CartAsync(platform, account, customerId, request.CustomerName));
        return app;
    }

    private static IResult GetMessages(string platform, string customerId, string? account, AccountRegistry accounts, ChatStore store) =>
        Resolve(platform, accounts, account) is not { } resolved
            ? NoAccount(platform)
            : TypedResults.Ok(store.Messages(resolved.Platform, resolved.AccountId, customerId));

    private static IResult StreamEvents(
        string platform, string customerId, string? account, AccountRegistry accounts, ChatStore store, CancellationToken cancellationToken)
    {
        if (Resolve(platform, accounts, account) is not { } resolved)
        {
            return NoAccount(platform);
        }

        return TypedResults.ServerSentEvents(Events(store, resolved, customerId, cancellationToken));
    }

    private static async IAsyncEnumerable<SseItem<ChatEvent>> Events(
        ChatStore store, SimulatedAccount account, string customerId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = store.Subscribe(account.Platform, account.AccountId, customerId, cancellationToken);
        // Everything so far first, so a page that (re)connects never misses a bubble.
        foreach (var message in store.Messages(account.Platform, account.AccountId, customerId))
        {
            yield return new SseItem<ChatEvent>(new ChatEvent("message", message), "chat");
        }

        await foreach (var chatEvent in reader.ReadAllAsync(cancellationToken))
        {
            yield return new SseItem<ChatEvent>(chatEvent, "chat");
        }
    }

    private static Task<IResult> SendTextAsync(string platform, string customerId, string? account, SendRequest request, SimulatedCustomer customer) =>
        string.IsNullOrWhiteSpace(request.Text)
            ? Task.FromResult<IResult>(TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = ["Write something."] }))
            : customer.SendAsync(platform, account, customerId, request.CustomerName, CustomerAction.Text, request.Text);

    private static Task<IResult> SendImageAsync(string platform, string customerId, string? account, SendRequest request, SimulatedCustomer customer) =>
        customer.SendAsync(platform, account, customerId, request.CustomerName, CustomerAction.Image, request.Text ?? "");

    private static Task<IResult> SendReactionAsync(string platform, string customerId, string? account, SendRequest request, SimulatedCustomer customer) =>
        customer.SendAsync(platform, account, customerId, request.CustomerName, CustomerAction.Reaction, request.Text ?? "❤️");

    private static Task<IResult> SendStoryMentionAsync(string platform, string customerId, string? account, SendRequest request, SimulatedCustomer customer) =>
        customer.SendAsync(platform, account, customerId, request.CustomerName, CustomerAction.StoryMention, "");

    private static Task<IResult> SendDuplicateAsync(string platform, string customerId, string? account, SimulatedCustomer customer) =>
        customer.ResendLastAsync(platform, account, customerId);

    private static Task<IResult> SendBatchAsync(string platform, string customerId, string? account, BatchRequest request, SimulatedCustomer customer) =>
        request.Texts is not { Length: > 0 }
            ? Task.FromResult<IResult>(TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["texts"] = ["Give at least one text."] }))
            : customer.SendBatchAsync(platform, account, customerId, request.CustomerName, request.Texts);

    /// <summary>The account a chat writes to: the one named by <c>?account=</c>, else the platform's demo account.</summary>
    internal static SimulatedAccount? Resolve(string platform, AccountRegistry accounts, string? accountId = null)
    {
        if (ParsePlatform(platform) is not { } p)
        {
            return null;
        }

        return accountId is null ? accounts.Demo(p) : accounts.Find(accountId) is { } named && named.Platform == p ? named : null;
    }

    internal static Platform? ParsePlatform(string platform) => platform.ToLowerInvariant() switch
    {
        "whatsapp" => Platform.WhatsApp,
        "instagram" => Platform.Instagram,
        _ => null,
    };

    internal static IResult NoAccount(string platform) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "No simulated account",
        detail: $"No {platform} business account is registered with the simulator yet (the demo data may still be loading).");
}
