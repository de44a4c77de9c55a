using Npgsql;

namespace AiSales.AiAgent.Fleet;

/// <summary>
/// This process's life, as PostgreSQL sees it: a session-level advisory lock on the instance id, held on one dedicated
/// connection for as long as the process runs. When the process dies (kill -9, a crash, its host gone with the socket
/// closed), PostgreSQL ends the session and the lock goes with it, so the others can take over its turn leases at once
/// instead of waiting for them to expire (<see cref="OwnerGone"/>). A broken connection (PostgreSQL restarted) is
/// replaced at the next heartbeat; meanwhile this process looks dead to the others, which is safe: a turn whose lease
/// was taken over cannot commit (the commit re-checks the lease).
/// </summary>
public sealed class InstanceLock(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    /// <summary>The advisory lock's first key ('AISL'): the instance locks' own space.</summary>
    private const int KeySpace = 1095322451;

    private NpgsqlConnection? _connection;

    /// <summary>
    /// SQL true when the process that owns <paramref name="ownerColumn"/> holds no instance lock: it has stopped or
    /// died. Never true for a live owner; false for an owner whose session is half-open (then its lease expiry rules).
    /// Uncorrelated, so PostgreSQL reads pg_locks once per statement (a hashed subplan), not once per row.
    /// </summary>
    public static string OwnerGone(string ownerColumn) => $"""
        hashtext({ownerColumn})::oid NOT IN (
            SELECT objid FROM pg_locks WHERE locktype = 'advisory' AND classid = {KeySpace}::oid AND objsubid = 2 AND granted)
        """;

    /// <summary>Takes the lock if this process does not hold it on a working connection; returns whether it is held.</summary>
    public async Task<bool> EnsureHeldAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (_connection is { } held)
        {
            try
            {
                await using var ping = new NpgsqlCommand("SELECT 1", held);
                await ping.ExecuteScalarAsync(cancellationToken);
                return true;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                await DisposeAsync();
            }
        }

        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock($1, hashtext($2))", connection);
            take.Parameters.AddWithValue(KeySpace);
            take.Parameters.AddWithValue(instanceId);
            if ((bool)(await take.ExecuteScalarAsync(cancellationToken))!)
            {
                _connection = connection;
                return true;
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        // Another live session holds this id's hash (a collision): lease expiry alone then decides for this process.
        await connection.DisposeAsync();
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _connection, null) is { } connection)
        {
            await connection.DisposeAsync();
        }
    }
}
