using AiSales.AiAgent.Agent;
using AiSales.AiAgent.Agent.Model;
using AiSales.AiAgent.Agent.Turns;
using AiSales.AiAgent.Delivery;
using AiSales.AiAgent.Intake;
using AiSales.AiAgent.Trials;
using AiSales.Core.Catalog;
using AiSales.Core.Messaging;

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
        builder.Services.AddSingleton<TurnStore>();
        builder.Services.AddSingleton<TurnCommitter>();
        builder.Services.AddSingleton<TurnRunner>();
        builder.Services.AddSingleton<TurnGate>();
        builder.Services.AddSingleton<LeaseKeeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LeaseKeeper>());
        builder.AddChatModel();

        // The console's "try it" box: dry runs of the agent, nothing sent or kept.
        builder.Services.AddOptions<TrialOptions>().BindConfiguration(TrialOptions.Section);
        builder.Services.AddSingleton<TrialStore>();
        builder.Services.AddSingleton<TrialDryRun>();
        builder.Services.AddHostedService<TrialWorker>();

        // Delivery through the Graph API.
        builder.Services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.Section);
        builder.Services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section);
        builder.Services.AddGraphClient();
        builder.Services.AddTypingClient();
        builder.Services.AddSingleton<DeliveryStore>();
        builder.Services.AddSingleton<UnknownOutcomes>();
        builder.Services.AddSingleton<DeliverySender>();
        builder.Services.AddSingleton<GraphRecovery>();
        builder.Services.AddSingleton<DeliverySignal>();
        builder.Services.AddSingleton<Fleet.FleetMembership>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Fleet.FleetMembership>());
        builder.Services.AddSingleton<SendRateLimiter>();
        builder.Services.AddHostedService<DeliveryWorker>();
        return builder;
    }
}
