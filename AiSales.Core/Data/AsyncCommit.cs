namespace AiSales.Core.Data;

/// <summary>
/// Commits that need not wait for the WAL flush. A transaction may commit asynchronously when nothing outside
/// PostgreSQL acts on it before a later synchronous commit: PostgreSQL flushes the WAL in order, so that later commit
/// (the turn's commit before a reply is sent, a delivery's lease before a send, the inbox insert before a webhook's
/// 200) makes every earlier asynchronous one durable too. After a crash of PostgreSQL itself the few milliseconds of
/// asynchronous commits not yet flushed are lost, and each is work that is simply done again: an event normalised
/// again (messages are unique by their platform id), a lease taken again.
/// Used where the wait mattered (docs/benchmarks.md): the normaliser's batches and the agent's lease claims, releases
/// and renewals, each of which used to wait for an fsync while holding a turn slot or the inbox's order; and a reply's
/// 'sent' record, which only says what already happened (lost, the delivery stays 'sending' and is reconciled by Meta's
/// status webhook or given up as unknown: never sent twice).
/// </summary>
public static class AsyncCommit
{
    /// <summary>An SQL expression that makes the current transaction commit without waiting for the flush.</summary>
    public const string Expression = "set_config('synchronous_commit', 'off', true)";
}
