using System.Diagnostics;
using System.Text.Json;

namespace AiSales.AiAgent.Agent.Model;

/// <summary>
/// The innermost handler of the model's HttpClient: each completion that reaches the provider gets its gen_ai span and
/// metrics, and its usage (prompt and completion tokens from the response's "usage") is added to the current turn.
/// Non-streaming responses only (the agent never streams); the body is buffered so the SDK still reads it.
/// </summary>
public sealed class ModelUsageHandler(string provider, string model) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var usage = TurnUsage.Current;
        using var activity = ModelTelemetry.StartChat(provider, model, usage?.MerchantId);
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (Exception ex)
        {
            ModelTelemetry.Record(activity, provider, model, usage?.MerchantId, Stopwatch.GetElapsedTime(started),
                new ModelCallResult(0, 0, null, null, ex.GetType().Name));
            throw;
        }

        if (!response.IsSuccessStatusCode)
        {
            ModelTelemetry.Record(activity, provider, model, usage?.MerchantId, Stopwatch.GetElapsedTime(started),
                new ModelCallResult(0, 0, null, null, ((int)response.StatusCode).ToString()));
            return response;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var result = Read(await response.Content.ReadAsByteArrayAsync(cancellationToken));
        usage?.AddModelCall(result.PromptTokens, result.CompletionTokens);
        ModelTelemetry.Record(activity, provider, model, usage?.MerchantId, Stopwatch.GetElapsedTime(started), result);
        return response;
    }

    /// <summary>The usage, model and finish reason of an OpenAI-style chat completion; zeros when absent or unreadable.</summary>
    public static ModelCallResult Read(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var usage = root.TryGetProperty("usage", out var u) && u.ValueKind == JsonValueKind.Object ? u : default;
            var finish = root.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0
                && choices[0].TryGetProperty("finish_reason", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            return new ModelCallResult(
                Int(usage, "prompt_tokens"), Int(usage, "completion_tokens"),
                root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null, finish, null);
        }
        catch (JsonException)
        {
            return new ModelCallResult(0, 0, null, null, null);
        }
    }

    private static int Int(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : 0;
}
