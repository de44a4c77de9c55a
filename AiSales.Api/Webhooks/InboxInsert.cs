using Npgsql;
using NpgsqlTypes;

namespace AiSales.Api.Webhooks;

/// <summary>The inbox's group commit: one multi-row INSERT of a batch, each row only if its request still waits.</summary>
internal static class InboxInsert
{
    // Only rows whose request is still waiting are inserted; the ordinals say which, to answer each request truly.
    private const string InsertSql = """
        WITH admitted AS (
            SELECT platform, body, n FROM unnest($1::text[], $2::bytea[], $3::timestamptz[]) WITH ORDINALITY AS e (platform, body, deadline, n)
            WHERE clock_timestamp() < e.deadline
        ), inserted AS (
            INSERT INTO webhook_events (platform, body) SELECT platform, body FROM admitted
        )
        SELECT n FROM admitted
        """;

    /// <summary>The INSERT of <paramref name="batch"/>; it returns the 1-based ordinals of the rows it stored.</summary>
    public static NpgsqlCommand Command(NpgsqlConnection connection, IReadOnlyList<InboxItem> batch, int timeoutSeconds)
    {
        var command = new NpgsqlCommand(InsertSql, connection) { CommandTimeout = timeoutSeconds };
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = batch.Select(e => e.Platform).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea, Value = batch.Select(e => e.Body).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, Value = batch.Select(e => e.Deadline).ToArray() });
        return command;
    }
}
