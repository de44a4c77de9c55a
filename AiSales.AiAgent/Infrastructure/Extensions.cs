using AiSales.AiAgent.Agent;
using AiSales.AiAgent.Agent.Offline;
using AiSales.AiAgent.Delivery;
using AiSales.AiAgent.Intake;
using AiSales.Core.Catalog;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace AiSales.AiAgent.Infrastructure;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddAiSalesData();
        builder.AddSecretProtection();
        builder.Services.AddSingleton(TimeProvider.System);

        // Intake: Redis stream (fast path) + PostgreSQL poller (truth), feeding per-conversation turns.
        builder.Services.AddOptions<IntakeOptions>().BindConfiguration(IntakeOptions.Section);
        builder.Services.AddSingleton<ConversationScheduler>();
        builder.Services.AddHostedService<InboundStreamConsumer>();
        builder.Services.AddHostedService<PendingMessagePoller>();

        // The agent.
        builder.Services.AddOptions<AgentOptions>().BindConfiguration(AgentOptions.Section);
        builder.Services.AddSingleton<ProductSearch>();
        builder.Services.AddSingleton<SalesAgent>();
        builder.Services.AddSingleton<ReplyProcessor>();
        builder.AddChatModel();

        // Delivery through the Graph API.
        builder.Services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.Section);
        builder.Services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section);
        builder.Services.AddGraphClient();
        builder.Services.AddSingleton<DeliveryStore>();
        builder.Services.AddSingleton<DeliverySender>();
        builder.Services.AddSingleton<DeliverySignal>();
        builder.Services.AddSingleton<SendRateLimiter>();
        builder.Services.AddHostedService<DeliveryWorker>();
        return builder;
    }

    /// <summary>AI__Provider: offline (default), openai or azure-openai; the settings rules already checked their keys.</summary>
    private static void AddChatModel(this IHostApplicationBuilder builder)
    {
        var ai = builder.Configuration.GetSection(AgentOptions.Section).Get<AgentOptions>() ?? new AgentOptions();
        switch (ai.Provider.ToLowerInvariant())
        {
            case "openai":
                builder.Services.AddOpenAIChatCompletion(
                    ai.Model!, new Uri(string.IsNullOrWhiteSpace(ai.Endpoint) ? "https://api.openai.com/v1" : ai.Endpoint), ai.ApiKey!);
                break;
            case "azure-openai":
                builder.Services.AddAzureOpenAIChatCompletion(ai.Model!, ai.Endpoint!, ai.ApiKey!);
                break;
            default:
                // SK only auto-invokes tools for an IChatClient wrapped like this (docs/agent.md).
                builder.Services.AddSingleton<IChatClient>(sp => new ChatClientBuilder(new OfflineChatClient())
                    .UseKernelFunctionInvocation(sp.GetRequiredService<ILoggerFactory>())
                    .Build(sp));
                builder.Services.AddSingleton<IChatCompletionService>(sp => sp.GetRequiredService<IChatClient>().AsChatCompletionService(sp));
                break;
        }
    }
}
