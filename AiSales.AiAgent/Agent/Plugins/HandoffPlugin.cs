using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace AiSales.AiAgent.Agent.Plugins;

/// <summary>Hands the conversation to the merchant's staff; the agent then stays silent in it.</summary>
public sealed class HandoffPlugin
{
    [KernelFunction("transfer_to_human")]
    [Description("Hands the conversation over to a human member of the merchant's staff. Use it when the customer asks for a person, or when you cannot help.")]
    public Task<string> TransferToHumanAsync(
        Kernel kernel,
        [Description("Why, in a few words (for the merchant)")] string reason,
        CancellationToken cancellationToken = default) => TransferAsync(AgentTurn.Of(kernel), reason, cancellationToken);

    /// <summary>Also used by the turn itself after two turns in a row the agent could not help.</summary>
    public static async Task<string> TransferAsync(AgentTurn turn, string reason, CancellationToken cancellationToken)
    {
        await using var command = turn.Command("""
            UPDATE conversations
            SET status = 'human', handoff_reason = $2, status_changed_at = now(), updated_at = now()
            WHERE id = $1
            """, turn.ConversationId, string.IsNullOrWhiteSpace(reason) ? "customer asked for a person" : reason);
        await command.ExecuteNonQueryAsync(cancellationToken);
        turn.HandedOff = true;
        turn.Helped = true;
        return "The conversation is now with the merchant's staff. Tell the customer briefly that a person will answer soon.";
    }
}
