using Microsoft.SemanticKernel;
using Npgsql;

namespace AiSales.AiAgent.Agent;

/// <summary>
/// One answered turn of one conversation: the transaction every plugin writes in (so a draft order, a handoff and
/// the reply that mentions them commit together or not at all) and what the plugins observed.
/// </summary>
public sealed class AgentTurn(NpgsqlConnection connection, NpgsqlTransaction transaction)
{
    private const string KernelDataKey = "aisales.turn";

    /// <summary>The plugins are built once; each reply's kernel carries the turn they act on.</summary>
    public void AttachTo(Kernel kernel) => kernel.Data[KernelDataKey] = this;

    public static AgentTurn Of(Kernel kernel) =>
        kernel.Data.TryGetValue(KernelDataKey, out var turn) && turn is AgentTurn agentTurn
            ? agentTurn
            : throw new InvalidOperationException("The kernel carries no conversation turn.");

    public required Guid MerchantId { get; init; }

    public required Guid ConversationId { get; init; }

    public required Guid CustomerId { get; init; }

    public required string Platform { get; init; }

    /// <summary>WhatsApp gives the customer's phone; on Instagram it must be asked.</summary>
    public string? CustomerPhone { get; init; }

    public NpgsqlCommand Command(string sql, params object?[] values)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    public NpgsqlBatch Batch() => new(connection, transaction);

    /// <summary>The conversation's draft order as the turn began (read with the conversation), shown to the model.</summary>
    public Plugins.OrderView? DraftAtStart { get; init; }

    /// <summary>A tool found something useful for the customer (products, an order change).</summary>
    public bool Helped { get; set; }

    /// <summary>A catalogue search found nothing.</summary>
    public bool SearchMissed { get; set; }

    public bool HandedOff { get; set; }
}
