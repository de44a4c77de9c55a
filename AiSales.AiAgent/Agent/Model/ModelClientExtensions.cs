using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using AiSales.AiAgent.Agent.Offline;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.AzureOpenAI;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;
using Polly;

namespace AiSales.AiAgent.Agent.Model;

/// <summary>
/// AI__Provider: offline (default), openai (any OpenAI-compatible server with AI__Endpoint), azure-openai, or hybrid (the
/// offline model for the turns it is sure of, an OpenAI-compatible LLM for the rest; see ChatModels). The LLM
/// providers get their own HttpClient: AI__TimeoutSeconds per completion, and retries only where the provider cannot
/// have started the completion (connection failures, 429 and 5xx answers, honouring Retry-After). A timed-out
/// completion is never re-sent: that would bill it twice. The ServiceDefaults' standard handler is removed from it.
/// </summary>
public static class ModelClientExtensions
{
    public const string ClientName = "ai-model";

    /// <summary>The bearer token sent to an OpenAI-compatible server when AI__ApiKey is not set.</summary>
    public const string NoApiKey = "no-key";

    public static void AddChatModel(this IHostApplicationBuilder builder)
    {
        var ai = builder.Configuration.GetSection(AgentOptions.Section).Get<AgentOptions>() ?? new AgentOptions();
        var provider = ai.Provider.ToLowerInvariant();
        builder.Services.AddSingleton<ChatModels>();
        if (provider is not ("openai" or "azure-openai"))
        {
            // Offline, or hybrid's sure half. SK only auto-invokes tools for an IChatClient wrapped like this (docs/agent.md).
            builder.Services.AddKeyedSingleton<IChatCompletionService>(ChatModels.OfflineKey, (sp, _) => new ChatClientBuilder(new OfflineChatClient())
                .UseKernelFunctionInvocation(sp.GetRequiredService<ILoggerFactory>())
                .Build(sp)
                .AsChatCompletionService(sp));
        }

        if (provider is not ("openai" or "azure-openai" or "hybrid"))
        {
            return;
        }

        // hybrid's LLM is an OpenAI-compatible server, like openai (AI__Model, AI__Endpoint, AI__ApiKey).
        var llm = provider == "azure-openai" ? "azure-openai" : "openai";
        builder.Services.AddModelHttpClient(llm == "openai" ? "openai" : "azure.ai.openai", ai.Model!);
        builder.Services.AddKeyedSingleton<IChatCompletionService>(ChatModels.LlmKey, (sp, _) =>
        {
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);
            var logging = sp.GetRequiredService<ILoggerFactory>();
            return llm == "openai"
                ? new OpenAIChatCompletionService(ai.Model!, OpenAIClient(ai, http), logging)
                : new AzureOpenAIChatCompletionService(ai.Model!, ai.Endpoint!, ai.ApiKey!, httpClient: http, loggerFactory: logging);
        });
    }

    /// <summary>
    /// The OpenAI SDK over our HttpClient, with its own retries and network timeout off (ours rule). A server of one's
    /// own without a key (allowed only with AI__Endpoint) gets a placeholder: the SDK always sends a bearer token.
    /// </summary>
    private static OpenAIClient OpenAIClient(AgentOptions ai, HttpClient http) => new(
        new ApiKeyCredential(string.IsNullOrWhiteSpace(ai.ApiKey) ? NoApiKey : ai.ApiKey),
        new OpenAIClientOptions
        {
            Endpoint = new Uri(string.IsNullOrWhiteSpace(ai.Endpoint) ? "https://api.openai.com/v1" : ai.Endpoint),
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        });

    private static void AddModelHttpClient(this IServiceCollection services, string providerName, string model)
    {
        var client = services.AddHttpClient(ClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
#pragma warning disable EXTEXP0001 // the documented way to drop the ServiceDefaults handler for one client
        client.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        client.AddResilienceHandler(ClientName, (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<AgentOptions>>().Value;
            pipeline
                .AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(0, options.ModelRetries),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromSeconds(1),
                    MaxDelay = TimeSpan.FromSeconds(5),
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ValueTask.FromResult(MayRetry(args.Outcome)),
                })
                .AddTimeout(TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds)));
        });
        client.AddHttpMessageHandler(() => new ModelUsageHandler(providerName, model));
    }

    /// <summary>Only what the provider surely did not start: no connection, or an answer saying "not now" (429, 5xx).</summary>
    public static bool MayRetry(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } } => true,
        { Result: { } response } => response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500,
        _ => false,
    };
}
