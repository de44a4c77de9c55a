using Npgsql;

namespace AiSales.Tests.Foundation;

/// <summary>
/// The application schema as sorted lines: tables, views and sequences, columns (type, nullability, default),
/// constraints, indexes, triggers and functions (bodies with whitespace collapsed). FluentMigrator's own VersionInfo and
/// the objects of extensions (pg_trgm stays installed once created) are left out. Two equal fingerprints mean the
/// migrations left the same schema, whatever order the objects were created in.
/// </summary>
public static class SchemaFingerprint
{
    private const string Sql = """
        SELECT 'relation ' || c.relkind::text || ' ' || c.relname FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND c.relname NOT ILIKE 'VersionInfo%'
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
        UNION ALL
        SELECT format('column %s.%s %s %s default %s', table_name, column_name, data_type, is_nullable, coalesce(column_default, '-'))
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'VersionInfo'
        UNION ALL
        SELECT format('constraint %s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) FROM pg_constraint
        WHERE connamespace = 'public'::regnamespace AND conrelid <> 0 AND conrelid::regclass::text <> '"VersionInfo"'
        UNION ALL
        SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'VersionInfo'
        UNION ALL
        SELECT 'trigger ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal
        UNION ALL
        SELECT 'function ' || regexp_replace(pg_get_functiondef(p.oid), '\s+', ' ', 'g') FROM pg_proc p
        WHERE p.pronamespace = 'public'::regnamespace
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
        """;

    public static async Task<List<string>> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Sql, connection);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
