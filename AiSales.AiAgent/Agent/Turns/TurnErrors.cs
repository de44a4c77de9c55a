using Npgsql;

namespace AiSales.AiAgent.Agent.Turns;

/// <summary>How a failed try is described to the merchant and in agent_turns.</summary>
public static class TurnErrors
{
    /// <summary>For the merchant and agent_turns: the kind of failure and its message, never a request or a key.</summary>
    public static string Describe(Exception ex)
    {
        var root = ex is ToolFailedException { InnerException: { } inner } ? inner : ex;
        var text = root switch
        {
            TimeoutException or OperationCanceledException or Polly.Timeout.TimeoutRejectedException => "the model did not answer in time",
            Microsoft.SemanticKernel.HttpOperationException http => $"the model provider answered {(int?)http.StatusCode ?? 0}",
            HttpRequestException => "the model provider could not be reached",
            ToolFailedException or NpgsqlException or PostgresException => $"a tool failed: {root.GetType().Name}",
            _ => $"{root.GetType().Name}: {root.Message}",
        };
        return ex is ToolFailedException && root is PostgresException pg ? $"a tool failed: {pg.SqlState} {pg.MessageText}" : text;
    }
}
