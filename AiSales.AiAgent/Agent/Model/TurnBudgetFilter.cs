using Microsoft.SemanticKernel;

namespace AiSales.AiAgent.Agent.Model;

/// <summary>
/// Sees every tool call the model asks for. It counts them, stops the turn after AI__MaxToolRounds rounds of tool
/// calls (the agent then asks the model for its answer without tools), and stops it at once when a tool fails with an
/// error (a database error): the model is not called again with that error, and the turn counts as a failed try.
/// </summary>
public sealed class TurnBudgetFilter(int maxToolRounds) : IAutoFunctionInvocationFilter
{
    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        var turn = AgentTurn.Of(context.Kernel);
        TurnUsage.Current?.AddToolCall();
        try
        {
            await next(context);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            turn.ToolFailure ??= ex;
            context.Terminate = true;
            return;
        }

        if (context.RequestSequenceIndex + 1 >= maxToolRounds)
        {
            turn.ToolBudgetSpent = true;
            context.Terminate = true;
        }
    }
}
