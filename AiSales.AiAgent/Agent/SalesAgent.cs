using System.Text;
using System.Text.Json;
using AiSales.AiAgent.Agent.Model;
using AiSales.AiAgent.Agent.Offline;
using AiSales.AiAgent.Agent.Plugins;
using AiSales.Core.Catalog;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace AiSales.AiAgent.Agent;

/// <summary>The merchant's AI configuration as the system prompt needs it.</summary>
public sealed record MerchantProfile(
    string Name, string AssistantName, string Persona, string Language, string Greeting, IReadOnlyList<string> HandoffKeywords);

/// <summary>One earlier message of the conversation, as chat history.</summary>
public sealed record HistoryMessage(bool FromCustomer, string Text);

/// <summary>
/// Builds a kernel per reply with the sealed plugins bound to this turn, and lets the configured chat
/// completion service (offline, OpenAI or Azure OpenAI) answer with automatic function calling.
/// </summary>
public sealed class SalesAgent(IChatCompletionService chat, ProductSearch search, IOptions<AgentOptions> options, IServiceProvider services)
{
    /// <summary>The sealed plugins, built once (reflection and JSON schemas); each reply's kernel carries its turn.</summary>
    private readonly KernelPlugin[] _plugins =
    [
        KernelPluginFactory.CreateFromObject(new CatalogPlugin(search), "catalog"),
        KernelPluginFactory.CreateFromObject(new OrderPlugin(), "orders"),
        KernelPluginFactory.CreateFromObject(new HandoffPlugin(), "handoff"),
    ];

    /// <summary>Marks the draft order line of the chat history (JSON), also read by the offline provider.</summary>
    public const string DraftOrderMarker = "Current draft order (JSON): ";

    public async Task<string> ReplyAsync(
        AgentTurn turn, MerchantProfile merchant, string replyLanguage,
        IReadOnlyList<HistoryMessage> history, IReadOnlyList<string> customerMessages, CancellationToken cancellationToken)
    {
        // A kernel per reply over the application's services (no container built per turn), carrying this turn.
        var kernel = new Kernel(services, new KernelPluginCollection(_plugins));
        kernel.AutoFunctionInvocationFilters.Add(new TurnBudgetFilter(Math.Max(1, options.Value.MaxToolRounds)));
        turn.AttachTo(kernel);

        var chatHistory = new ChatHistory(SystemPrompt(merchant, replyLanguage, turn.Platform));
        // Memory: the draft order as the turn began, then the recent messages.
        chatHistory.AddSystemMessage(DraftOrderMarker + (turn.DraftAtStart is { } draft ? JsonSerializer.Serialize(draft) : "none"));
        foreach (var message in HistoryBudget.Trim(history, options.Value.HistoryTokenBudget))
        {
            if (message.FromCustomer) chatHistory.AddUserMessage(message.Text);
            else chatHistory.AddAssistantMessage(message.Text);
        }

        foreach (var text in customerMessages)
        {
            chatHistory.AddUserMessage(text);
        }

        var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };
        var reply = await chat.GetChatMessageContentAsync(chatHistory, settings, kernel, cancellationToken);
        if (turn.ToolFailure is { } failure)
        {
            throw new ToolFailedException(failure);
        }

        if (turn.ToolBudgetSpent && string.IsNullOrWhiteSpace(reply.Content))
        {
            // Out of tool rounds: one last completion, tools off, answers from what the tools returned so far.
            var final = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.None() };
            reply = await chat.GetChatMessageContentAsync(chatHistory, final, kernel, cancellationToken);
        }

        return reply.Content?.Trim() ?? "";
    }

    private static string SystemPrompt(MerchantProfile merchant, string language, string platform)
    {
        var prompt = new StringBuilder();
        prompt.AppendLine($"You are {merchant.AssistantName}, the sales assistant of the shop \"{merchant.Name}\", chatting with a customer on {platform}.");
        if (!string.IsNullOrWhiteSpace(merchant.Persona))
        {
            prompt.AppendLine($"Persona: {merchant.Persona}");
        }

        prompt.AppendLine("""
            Rules:
            - Every product name, price and stock figure you mention must come from a tool result (catalog-search_products, catalog-get_product_details). Never invent products, prices or stock.
            - The customer's current draft order is given below ("none" when there is none); call orders-get_draft_order to re-read it. To take an order: find the product, add_to_order with the quantity, then ask for each missing detail one at a time (name, shipping address, and a phone number on Instagram), record it with set_order_details, show a summary and confirm_order only after the customer agrees. Give the order number and total when confirmed.
            - If the customer asks for a person, or uses one of the merchant's handoff keywords, or you cannot help, call handoff-transfer_to_human and tell them briefly a person will answer.
            - Keep replies short and friendly, as in a chat.
            """);
        prompt.AppendLine(language == "ar" ? "Always answer in Arabic." : "Always answer in English.");
        // Machine-readable lines, also read by the offline provider.
        prompt.AppendLine($"{OfflineChatClient.LanguageMarker}{language}");
        prompt.AppendLine($"{OfflineChatClient.AssistantNameMarker}{merchant.AssistantName}");
        if (!string.IsNullOrWhiteSpace(merchant.Greeting))
        {
            prompt.AppendLine($"{OfflineChatClient.GreetingMarker}{merchant.Greeting.ReplaceLineEndings(" ")}");
        }

        if (merchant.HandoffKeywords.Count > 0)
        {
            prompt.AppendLine($"{OfflineChatClient.HandoffKeywordsMarker}{string.Join(", ", merchant.HandoffKeywords)}");
        }

        return prompt.ToString();
    }
}

/// <summary>A tool of the turn failed with an error (not a "no such product" answer): the try fails.</summary>
public sealed class ToolFailedException(Exception inner) : Exception($"A tool failed: {inner.GetType().Name}: {inner.Message}", inner);
