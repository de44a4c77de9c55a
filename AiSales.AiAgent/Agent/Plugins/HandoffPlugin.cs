using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace AiSales.AiAgent.Agent.Plugins;

/// <summary>Hands the conversation to the merchant's staff; the agent then stays silent in it.</summary>
public sealed class HandoffPlugin
{
    [KernelFunction("transfer_to_human")]
    [Description("Hands the conversation over to a human member of the merchant's staff. Use it when the customer asks for a person, or when you cannot help.")]
    public string TransferToHuman(
        Kernel kernel,
        [Description("Why, in a few words (for the merchant)")] string reason)
    {
        // Applied by the turn's commit together with the reply that tells the customer (docs/agent.md).
        var turn = AgentTurn.Of(kernel);
        turn.HandoffReason = string.IsNullOrWhiteSpace(reason) ? "customer asked for a person" : reason.Trim()[..Math.Min(reason.Trim().Length, 500)];
        turn.Helped = true;
        return "The conversation is now with the merchant's staff. Tell the customer briefly that a person will answer soon.";
    }
}
