using Npgsql;

namespace AiSales.Tests.Foundation;

[Collection(AppHostCollection.Name)]
public sealed class MigrationTests(AppHostFixture fixture)
{
    private static readonly TimeSpan s_migratorTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task SchemaHasExactlyOneMigrationTrackingTable()
    {
        await using var dataSource = fixture.CreateDataSource();
        await using var command = dataSource.CreateCommand("""
            SELECT table_name FROM information_schema.tables
            WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
              AND (table_name ILIKE '%migration%' OR table_name ILIKE '%versioninfo%' OR table_name ILIKE '%schema_version%')
            """);
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Equal(["VersionInfo"], tables);
    }

    [Theory]
    [InlineData("uq_conversations_merchant_phone_platform", "(merchant_id, customer_phone, platform) WHERE (customer_phone IS NOT NULL)")]
    [InlineData("uq_conversations_merchant_instagram_platform", "(merchant_id, customer_instagram, platform) WHERE (customer_instagram IS NOT NULL)")]
    public async Task ConversationPartialUniqueIndexesExist(string indexName, string expectedDefinitionTail)
    {
        await using var dataSource = fixture.CreateDataSource();
        await using var command = dataSource.CreateCommand("SELECT indexdef FROM pg_indexes WHERE indexname = $1");
        command.Parameters.AddWithValue(indexName);

        var definition = (string?)await command.ExecuteScalarAsync();

        Assert.NotNull(definition);
        Assert.StartsWith("CREATE UNIQUE INDEX", definition);
        Assert.EndsWith(expectedDefinitionTail, definition);
    }

    [Fact]
    public async Task SecondRunIsANoOp()
    {
        var before = await AppliedVersionsAsync(fixture.DatabaseConnectionString);

        await using var migrator = StartMigrator(fixture.DatabaseConnectionString);
        var exitCode = await migrator.WaitForExitAsync(s_migratorTimeout);

        Assert.True(exitCode == 0, migrator.Output);
        Assert.Equal(before, await AppliedVersionsAsync(fixture.DatabaseConnectionString));
        Assert.Contains("Migrations complete", migrator.Output);
    }

    [Fact]
    public async Task TwoMigratorsStartedAtOnceBothSucceed()
    {
        var connectionString = await fixture.CreateEmptyDatabaseAsync("twomigrators");

        await using var first = StartMigrator(connectionString);
        await using var second = StartMigrator(connectionString);
        var exitCodes = await Task.WhenAll(first.WaitForExitAsync(s_migratorTimeout), second.WaitForExitAsync(s_migratorTimeout));

        Assert.True(exitCodes[0] == 0, first.Output);
        Assert.True(exitCodes[1] == 0, second.Output);
        var versions = await AppliedVersionsAsync(connectionString);
        Assert.Equal(MigrationCatalog.Versions, versions);
    }

    [Fact]
    public async Task FailingMigrationExitsNonZeroAndKeepsEarlierMigrations()
    {
        // Schema drift of the kind that broke the earlier build: a table the products migration wants to create
        // is already there, so that migration fails.
        var connectionString = await fixture.CreateEmptyDatabaseAsync("failing");
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("CREATE TABLE products (drifted integer)", connection);
            await command.ExecuteNonQueryAsync();
        }

        await using var migrator = StartMigrator(connectionString);
        var exitCode = await migrator.WaitForExitAsync(s_migratorTimeout);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Migration failed", migrator.Output);
        Assert.Contains("already exists", migrator.Output);
        const long productsMigration = 202611250906;
        Assert.Equal(MigrationCatalog.Versions.Where(v => v < productsMigration), await AppliedVersionsAsync(connectionString));
    }

    private static ServiceProcess StartMigrator(string connectionString) =>
        ServiceProcess.Start("AiSales.MigrationService", new Dictionary<string, string?>
        {
            ["ConnectionStrings__aisalesdb"] = connectionString,
        });

    private static async Task<List<long>> AppliedVersionsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "Version" FROM "VersionInfo" ORDER BY "Version" """, connection);
        var versions = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetInt64(0));
        }

        return versions;
    }
}
