using AiSales.AiAgent.Agent;
using Npgsql;

namespace AiSales.AiAgent.Trials;

/// <summary>Why a trial failed, for the merchant: the kind of failure, never a prompt, a request or a key.</summary>
public static class TrialFailure
{
    public static string Describe(Exception ex) => (ex is ToolFailedException { InnerException: { } inner } ? inner : ex) switch
    {
        TimeoutException or OperationCanceledException or Polly.Timeout.TimeoutRejectedException => "the model did not answer in time",
        Microsoft.SemanticKernel.HttpOperationException http => $"the model provider answered {(int?)http.StatusCode ?? 0}",
        HttpRequestException => "the model provider could not be reached",
        NpgsqlException or PostgresException => "a tool failed: the database did not answer",
        var other => $"the assistant failed ({other.GetType().Name})",
    };
}
