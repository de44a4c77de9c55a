using Microsoft.SemanticKernel;
using Npgsql;

namespace AiSales.AiAgent.Agent;

/// <summary>
/// One turn of one conversation as the plugins see it: who the customer is, and what the tools observed. It holds no
/// connection: every tool statement runs in its own short transaction on a pooled connection taken for that statement
/// only, and each is safe to run again (upserts, guarded updates), so a retried turn repeats nothing twice.
/// </summary>
public sealed class AgentTurn(NpgsqlDataSource dataSource)
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

    /// <summary>
    /// A dry run (the console's "try it" box, Trials/TrialDryRun): every tool statement runs on this connection, inside
    /// a transaction that is rolled back, so the tools behave as in a turn and nothing they write is kept.
    /// </summary>
    public NpgsqlConnection? DryRun { get; init; }

    /// <summary>A command on the data source: it takes a pooled connection for its own execution only.</summary>
    public NpgsqlCommand Command(string sql, params object?[] values)
    {
        var command = DryRun is null ? dataSource.CreateCommand(sql) : new NpgsqlCommand(sql, DryRun);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    /// <summary>
    /// A pooled connection for a short transaction of several dependent statements (confirming an order). In a dry run
    /// it cannot see the dry run's rows, so what it changes (keyed by them) matches nothing.
    /// </summary>
    public ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken) => dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>Several statements in one round trip and one implicit transaction.</summary>
    public NpgsqlBatch Batch() => DryRun?.CreateBatch() ?? dataSource.CreateBatch();

    /// <summary>The conversation's draft order as the turn began (read with the conversation), shown to the model.</summary>
    public Plugins.OrderView? DraftAtStart { get; init; }

    /// <summary>A tool found something useful for the customer (products, an order change).</summary>
    public bool Helped { get; set; }

    /// <summary>A catalogue search found nothing.</summary>
    public bool SearchMissed { get; set; }

    /// <summary>Set by the handoff tool; applied with the reply at commit, so a reply that is never sent hands nothing over.</summary>
    public string? HandoffReason { get; set; }

    public bool HandedOff => HandoffReason is not null;

    private int _lastToolRequest = -1;

    /// <summary>Model responses that asked for tools in this turn (a response may ask for several at once).</summary>
    public int ToolRounds { get; private set; }

    public void CountToolRound(int requestIndex)
    {
        if (requestIndex != _lastToolRequest)
        {
            (_lastToolRequest, ToolRounds) = (requestIndex, ToolRounds + 1);
        }
    }

    /// <summary>The model used all its tool rounds (AI__MaxToolRounds): it must now answer with what it has.</summary>
    public bool ToolBudgetSpent { get; set; }

    /// <summary>A tool failed (a database error): the turn stops and counts as a failed try.</summary>
    public Exception? ToolFailure { get; set; }
}
