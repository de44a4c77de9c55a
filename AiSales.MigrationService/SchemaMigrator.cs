using System.Diagnostics;
using FluentMigrator.Runner;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Polly;
using Polly.Retry;

namespace AiSales.MigrationService;

/// <summary>
/// Applies FluentMigrator migrations under a PostgreSQL advisory lock, so that two migrators started at
/// once (two deployments, a scaled job) run one after the other: the second finds nothing to do.
/// </summary>
public sealed class SchemaMigrator(IServiceProvider services, MigrationTarget target, ILogger<SchemaMigrator> logger)
{
    // Any fixed 64-bit number; it only has to be the same for every migrator of this schema.
    private const long AdvisoryLockKey = 0x4169_5361_6c65_7301; // "AiSales" + 1

    private static readonly ActivitySource s_activitySource = new("AiSales.MigrationService");

    private static readonly ResiliencePipeline s_connectRetry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>().Handle<TimeoutException>(),
            MaxRetryAttempts = 8,
            Delay = TimeSpan.FromMilliseconds(500),
            BackoffType = DelayBackoffType.Exponential,
            MaxDelay = TimeSpan.FromSeconds(5),
        })
        .Build();

    /// <summary>Applies every migration not yet applied (or, with <see cref="MigrationTarget.RollbackTo"/>, runs Down() back to it).</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        using var activity = s_activitySource.StartActivity("migrate");
        var stopwatch = Stopwatch.StartNew();
        try
        {
            await using var lockConnection = await s_connectRetry.ExecuteAsync(async ct =>
            {
                var connection = new NpgsqlConnection(target.ConnectionString);
                await connection.OpenAsync(ct);
                return connection;
            }, cancellationToken);

            await TakeLockAsync(lockConnection, cancellationToken);
            logger.LogInformation("Migration lock taken; applying migrations");
            try
            {
                using var scope = services.CreateScope();
                var runner = scope.ServiceProvider.GetRequiredService<IMigrationRunner>();
                if (target.RollbackTo is { } rollbackTo)
                {
                    if (rollbackTo != 0 && !runner.MigrationLoader.LoadMigrations().ContainsKey(rollbackTo))
                    {
                        logger.LogCritical("Migrations:RollbackTo={RollbackTo} is not a migration of this build (0 or a version in AiSales.MigrationService/Migrations)", rollbackTo);
                        return 2;
                    }

                    logger.LogWarning("Rolling back: running Down() of every applied migration newer than {RollbackTo}", rollbackTo);
                    runner.MigrateDown(rollbackTo);
                }
                else
                {
                    runner.MigrateUp();
                }

                var version = scope.ServiceProvider.GetRequiredService<FluentMigrator.Runner.IVersionLoader>().VersionInfo.Latest();
                logger.LogInformation("Migrations complete in {ElapsedMs} ms: schema at version {SchemaVersion}",
                    stopwatch.ElapsedMilliseconds, version);
            }
            finally
            {
                await ExecuteAsync(lockConnection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None);
            }

            return 0;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            logger.LogCritical(ex, "Migration failed after {ElapsedMs} ms: {ExceptionType}: {ExceptionMessage}",
                stopwatch.ElapsedMilliseconds, ex.GetType().FullName, ex.Message);
            return 1;
        }
    }

    /// <summary>
    /// Waits for the migration lock by trying it every 250 ms, never with a blocking pg_advisory_lock: a session blocked in
    /// a statement holds a snapshot, and CREATE INDEX CONCURRENTLY in the running migrator waits for every snapshot to end,
    /// so the two would wait on each other until a command timeout broke the tie.
    /// </summary>
    private static async Task TakeLockAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", AdvisoryLockKey);
        while (!(bool)(await command.ExecuteScalarAsync(cancellationToken))!)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", AdvisoryLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
