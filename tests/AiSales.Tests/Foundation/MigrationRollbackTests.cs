using AiSales.Core.Data;
using Npgsql;

namespace AiSales.Tests.Foundation;

/// <summary>
/// The rollback procedure of docs/operations.md rehearsed: every migration's Down() undoes exactly its Up(), and going
/// down one step and up again keeps the data.
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class MigrationRollbackTests(AppHostFixture fixture)
{
    [Fact]
    public async Task EveryDownRestoresTheSchemaItsUpFound()
    {
        var connectionString = await fixture.CreateEmptyDatabaseAsync("rollback");
        var before = new Dictionary<long, List<string>>();
        long previous = 0;
        foreach (var version in MigrationCatalog.Versions)
        {
            before[version] = await SchemaFingerprint.ReadAsync(connectionString);
            InProcessMigrator.UpTo(connectionString, version);
            previous = version;
        }

        var newest = await SchemaFingerprint.ReadAsync(connectionString);
        foreach (var version in MigrationCatalog.Versions.Reverse())
        {
            var target = MigrationCatalog.Versions.LastOrDefault(v => v < version);
            InProcessMigrator.DownTo(connectionString, target);
            var after = await SchemaFingerprint.ReadAsync(connectionString);
            Assert.True(before[version].SequenceEqual(after),
                $"Down() of {version} did not restore the schema:\n" + Difference(before[version], after));
        }

        Assert.Empty(await SchemaFingerprint.ReadAsync(connectionString));
        InProcessMigrator.Up(connectionString);
        Assert.Equal(newest, await SchemaFingerprint.ReadAsync(connectionString));
        Assert.Equal(SchemaVersion.Expected, previous);
    }

    [Fact]
    public async Task DownOneStepAndUpAgainKeepsTheData()
    {
        var connectionString = await fixture.CreateEmptyDatabaseAsync("rollbackdata");
        InProcessMigrator.Up(connectionString);
        await using var db = NpgsqlDataSource.Create(connectionString);
        await SeedAsync(db);
        var data = await DataAsync(db);

        // The documented procedure: the migrator of the build being rolled back runs Down(), then a plain run goes up again.
        Assert.Equal(0, await RunMigratorAsync(connectionString, rollbackTo: MigrationCatalog.Versions[^2]));
        Assert.Equal(MigrationCatalog.Versions[^2], await LatestVersionAsync(db));
        Assert.Equal(0, await RunMigratorAsync(connectionString, rollbackTo: null));

        Assert.Equal(SchemaVersion.Expected, await LatestVersionAsync(db));
        Assert.Equal(data, await DataAsync(db));
    }

    private static async Task<int> RunMigratorAsync(string connectionString, long? rollbackTo)
    {
        await using var migrator = ServiceProcess.Start("AiSales.MigrationService", new Dictionary<string, string?>
        {
            ["ConnectionStrings__aisalesdb"] = connectionString,
            ["Migrations__RollbackTo"] = rollbackTo?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var exitCode = await migrator.WaitForExitAsync(TimeSpan.FromMinutes(2));
        Assert.True(exitCode == 0, migrator.Output);
        return exitCode;
    }

    private static string Difference(List<string> expected, List<string> actual) =>
        string.Join('\n', expected.Except(actual).Select(l => "- " + l).Concat(actual.Except(expected).Select(l => "+ " + l)));

    /// <summary>A merchant with a customer, a conversation, a message, a product and an order: what a shop holds.</summary>
    private static async Task SeedAsync(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("""
            WITH m AS (INSERT INTO merchants (name) VALUES ('متجر الاسترجاع') RETURNING id),
            cu AS (INSERT INTO customers (merchant_id, platform, phone, display_name) SELECT id, 'whatsapp', '966500000001', 'Customer' FROM m RETURNING id, merchant_id),
            co AS (INSERT INTO conversations (merchant_id, customer_id, platform, customer_phone, last_customer_message_at, last_activity_at)
                   SELECT merchant_id, id, 'whatsapp', '966500000001', now(), now() FROM cu RETURNING id, merchant_id),
            me AS (INSERT INTO messages (merchant_id, conversation_id, platform, external_id, direction, author, text, platform_timestamp, sent_at)
                   SELECT merchant_id, id, 'whatsapp', 'wamid.rollback', 'inbound', 'customer', 'بكم الحقيبة؟', now(), now() FROM co RETURNING id),
            p AS (INSERT INTO products (merchant_id, sku, name, price, currency, stock) SELECT id, 'BAG-1', 'حقيبة', 10.500, 'SAR', 3 FROM m RETURNING id, merchant_id),
            o AS (INSERT INTO orders (merchant_id, conversation_id, status, customer_name, customer_phone, shipping_address, currency, total)
                  SELECT co.merchant_id, co.id, 'draft', 'Customer', '966500000001', 'Riyadh', 'SAR', 21.000 FROM co RETURNING id)
            INSERT INTO order_items (order_id, product_id, sku, name, unit_price, quantity)
            SELECT o.id, p.id, 'BAG-1', 'حقيبة', 10.500, 2 FROM o, p, (SELECT count(*) FROM me) AS x
            """);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every row of the shop's tables as JSON, in a stable order.</summary>
    private static async Task<List<string>> DataAsync(NpgsqlDataSource db)
    {
        var rows = new List<string>();
        foreach (var table in new[] { "merchants", "customers", "conversations", "messages", "products", "orders", "order_items" })
        {
            await using var command = db.CreateCommand($"SELECT '{table} ' || to_jsonb(t)::text FROM {table} t ORDER BY 1");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0));
            }
        }

        return rows;
    }

    private static async Task<long> LatestVersionAsync(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("""SELECT max("Version") FROM "VersionInfo" """);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
