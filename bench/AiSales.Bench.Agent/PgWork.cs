using System.Globalization;
using Npgsql;

namespace AiSales.Bench.Agent;

/// <summary>
/// PostgreSQL's work over the measured phase, per DM: transactions (pg_stat_database), statements (pg_stat_statements,
/// the client's and the nested ones such as foreign-key checks, when the AppHost loaded it:
/// Infrastructure:StatementStatistics), rows inserted and updated per table (HOT updates apart: they touch no index), WAL
/// records and the CPU of the postgres processes (/proc). Counts, unlike latencies, do not depend on what else runs on
/// the machine.
/// </summary>
public sealed class PgWork
{
    private const string TotalsSql = """
        SELECT (SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()),
               (SELECT wal_records FROM pg_stat_wal)
        """;

    private const string TablesSql = "SELECT relname, n_tup_ins, n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables";

    private readonly string _connectionString;
    private readonly bool _statements;
    private readonly long _transactions;
    private readonly long _walRecords;
    private readonly int _postmaster;
    private Dictionary<string, (long Inserted, long Updated, long Hot)> _tables = [];
    private readonly double _cpuSeconds;

    private PgWork(string connectionString, bool statements, long transactions, long walRecords, int postmaster)
    {
        (_connectionString, _statements, _transactions, _walRecords, _postmaster) = (connectionString, statements, transactions, walRecords, postmaster);
        _cpuSeconds = PostgresCpuSeconds(postmaster);
    }

    /// <summary>Resets the statement statistics (when loaded) and notes the totals so far.</summary>
    public static async Task<PgWork> StartAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var statements = await ScalarAsync<bool>(connection,
            "SELECT EXISTS (SELECT 1 FROM pg_settings WHERE name = 'shared_preload_libraries' AND setting LIKE '%pg_stat_statements%')");
        if (statements)
        {
            await ScalarAsync<object>(connection, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            // Planning too: a statement planned on every call costs CPU that its execution time does not show.
            await ScalarAsync<object>(connection, "ALTER SYSTEM SET pg_stat_statements.track_planning = on");
            await ScalarAsync<object>(connection, "SELECT pg_reload_conf()");
            await ScalarAsync<object>(connection, "SELECT pg_stat_statements_reset()");
        }

        // This session's backend is a child of the postmaster, the process whose CPU is counted.
        var backend = await ScalarAsync<int>(connection, "SELECT pg_backend_pid()");
        var (transactions, wal) = await TotalsAsync(connection);
        return new PgWork(connectionString, statements, transactions, wal, (int)(Stat(backend)?[1] ?? 0)) { _tables = await TablesAsync(connection) };
    }

    /// <summary>Prints the work since <see cref="StartAsync"/> divided by <paramref name="dms"/>.</summary>
    public async Task PrintAsync(int dms)
    {
        var cpu = PostgresCpuSeconds(_postmaster) - _cpuSeconds;
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        var (transactions, wal) = await TotalsAsync(connection);
        double PerDm(double value) => value / Math.Max(1, dms);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| PostgreSQL per DM | {PerDm(transactions - _transactions):0.00} transactions | {PerDm(wal - _walRecords):0.0} WAL records | CPU {1000 * PerDm(cpu):0.00} ms ({cpu:0.0} s) |"));
        var tables = await TablesAsync(connection);
        Console.WriteLine("| table | inserted/DM | updated/DM | of which HOT |");
        foreach (var (name, now) in tables.OrderBy(t => t.Key))
        {
            var before = _tables.GetValueOrDefault(name);
            var (inserted, updated, hot) = (now.Inserted - before.Inserted, now.Updated - before.Updated, now.Hot - before.Hot);
            if (PerDm(inserted + updated) >= 0.05)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {PerDm(inserted):0.00} | {PerDm(updated):0.00} | {PerDm(hot):0.00} |"));
            }
        }

        if (!_statements)
        {
            Console.WriteLine("(statement counts: start the AppHost with --Infrastructure:StatementStatistics=true)");
            return;
        }

        await using var command = new NpgsqlCommand("""
            SELECT toplevel, calls, total_exec_time, rows, regexp_replace(query, '\s+', ' ', 'g'), plans, total_plan_time
            FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            ORDER BY toplevel DESC, calls DESC
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(bool TopLevel, long Calls, double Ms, long Rows, string Query, long Plans, double PlanMs)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetBoolean(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetInt64(3), reader.GetString(4), reader.GetInt64(5), reader.GetDouble(6)));
        }

        var top = rows.Where(r => r.TopLevel).ToList();
        var nested = rows.Where(r => !r.TopLevel).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| statements per DM | {PerDm(top.Sum(r => r.Calls)):0.00} from clients | {PerDm(nested.Sum(r => r.Calls)):0.00} nested (foreign-key checks…) | execution {PerDm(top.Sum(r => r.Ms)):0.000} ms | planning {PerDm(top.Sum(r => r.Plans)):0.00} plans, {PerDm(top.Sum(r => r.PlanMs)):0.000} ms |"));
        Console.WriteLine("| calls/DM | ms/DM | plans/DM | planning ms/DM | rows/DM | statement |");
        foreach (var (topLevel, calls, ms, count, query, plans, planMs) in rows.Where(r => PerDm(r.Calls) >= 0.05))
        {
            var text = query.Length > 160 ? query[..160] + "…" : query;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {PerDm(calls):0.00} | {PerDm(ms):0.000} | {PerDm(plans):0.00} | {PerDm(planMs):0.000} | {PerDm(count):0.00} | {(topLevel ? "" : "(nested) ")}{text} |"));
        }
    }

    private static async Task<(long Transactions, long WalRecords)> TotalsAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(TotalsSql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task<Dictionary<string, (long Inserted, long Updated, long Hot)>> TablesAsync(NpgsqlConnection connection)
    {
        // Backends report their counts at most once a second: let the last ones arrive.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var tables = new Dictionary<string, (long, long, long)>();
        await using var command = new NpgsqlCommand(TablesSql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        }

        return tables;
    }

    private static async Task<T?> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is T typed ? typed : default;
    }

    /// <summary>
    /// User + system CPU of this server: the postmaster (with its children that have ended) and its live children
    /// (backends, WAL writer, checkpointer…); other PostgreSQL servers on the machine are not counted.
    /// </summary>
    private static double PostgresCpuSeconds(int postmaster)
    {
        var ticks = Stat(postmaster) is { } own ? own[11] + own[12] + own[13] + own[14] : 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Stat(pid) is { } stat && stat[1] == postmaster)
            {
                ticks += stat[11] + stat[12];
            }
        }

        return ticks / 100.0;
    }

    /// <summary>/proc/PID/stat's fields after the command name (index 1 = the parent, 11–14 = CPU ticks), or null.</summary>
    private static long[]? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return [.. stat[(stat.LastIndexOf(')') + 2)..].Split(' ').Take(15).Select(f => long.TryParse(f, CultureInfo.InvariantCulture, out var v) ? v : 0)];
        }
        catch (IOException)
        {
            return null;
        }
    }
}
