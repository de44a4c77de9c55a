using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AiSales.AiAgent.Agent.Model;

/// <summary>
/// OpenTelemetry for model calls, after the gen_ai semantic conventions: a client span "chat {model}" per completion
/// and the histograms gen_ai.client.operation.duration and gen_ai.client.token.usage, each tagged with the merchant,
/// so the Aspire dashboard shows model latency and tokens per merchant. Prompts and completions are never recorded.
/// </summary>
public static class ModelTelemetry
{
    public const string Name = "AiSales.Agent.Model";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter s_meter = new(Name);

    private static readonly Histogram<double> s_duration = s_meter.CreateHistogram<double>(
        "gen_ai.client.operation.duration", "s", "Duration of a model completion, as the client saw it");

    private static readonly Histogram<long> s_tokens = s_meter.CreateHistogram<long>(
        "gen_ai.client.token.usage", "{token}", "Tokens used by a model completion (gen_ai.token.type: input or output)");

    public static Activity? StartChat(string provider, string model, Guid? merchantId)
    {
        var activity = Source.StartActivity($"chat {model}", ActivityKind.Client);
        activity?.SetTag("gen_ai.operation.name", "chat");
        activity?.SetTag("gen_ai.provider.name", provider);
        activity?.SetTag("gen_ai.request.model", model);
        activity?.SetTag("aisales.merchant.id", merchantId?.ToString());
        return activity;
    }

    public static void Record(
        Activity? activity, string provider, string model, Guid? merchantId, TimeSpan duration, ModelCallResult result)
    {
        var tags = new TagList
        {
            { "gen_ai.operation.name", "chat" },
            { "gen_ai.provider.name", provider },
            { "gen_ai.request.model", model },
            { "aisales.merchant.id", merchantId?.ToString() },
        };
        if (result.ErrorType is { } errorType)
        {
            tags.Add("error.type", errorType);
            activity?.SetTag("error.type", errorType);
            activity?.SetStatus(ActivityStatusCode.Error);
        }

        s_duration.Record(duration.TotalSeconds, tags);
        if (result.ErrorType is null)
        {
            var input = tags;
            input.Add("gen_ai.token.type", "input");
            s_tokens.Record(result.PromptTokens, input);
            var output = tags;
            output.Add("gen_ai.token.type", "output");
            s_tokens.Record(result.CompletionTokens, output);
        }

        activity?.SetTag("gen_ai.response.model", result.ResponseModel);
        activity?.SetTag("gen_ai.usage.input_tokens", result.PromptTokens);
        activity?.SetTag("gen_ai.usage.output_tokens", result.CompletionTokens);
        if (result.FinishReason is { } finish)
        {
            activity?.SetTag("gen_ai.response.finish_reasons", new[] { finish });
        }
    }
}

/// <summary>What one completion answered, read from the provider's response (or its failure).</summary>
public sealed record ModelCallResult(int PromptTokens, int CompletionTokens, string? ResponseModel, string? FinishReason, string? ErrorType);
