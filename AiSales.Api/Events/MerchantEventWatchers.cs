using Npgsql;

namespace AiSales.Api.Events;

/// <summary>
/// The marks that make the database announce a merchant's changes (merchant_event_watchers, migration 202611301600).
/// NOTIFY takes a database-wide lock at every commit that used it, so the triggers notify only for merchants whose
/// console has a live stream open: a merchant is marked before its stream starts, and the mark is renewed while the
/// stream stays open. Marks lapse on their own when an API stops (<see cref="WatchFor"/>).
/// </summary>
public sealed class MerchantEventWatchers(NpgsqlDataSource dataSource, ILogger<MerchantEventWatchers> logger)
{
    public static readonly TimeSpan WatchFor = TimeSpan.FromSeconds(60);

    private const string WatchSql = """
        INSERT INTO merchant_event_watchers (merchant_id, watched_until)
        SELECT m.id, now() + make_interval(secs => $2) FROM unnest($1::uuid[]) AS m (id)
        WHERE EXISTS (SELECT 1 FROM merchants WHERE merchants.id = m.id)
        ON CONFLICT (merchant_id) DO UPDATE SET watched_until = greatest(merchant_event_watchers.watched_until, excluded.watched_until)
        """;

    public async Task WatchAsync(Guid[] merchantIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(WatchSql);
        command.Parameters.AddWithValue(merchantIds);
        command.Parameters.AddWithValue(WatchFor.TotalSeconds);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Renews the marks of the merchants <paramref name="watched"/> names, at a third of their life, until stopped.</summary>
    public async Task RenewAsync(Func<Guid[]> watched, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(WatchFor / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (watched() is { Length: > 0 } merchants)
                {
                    await RenewOnceAsync(merchants, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RenewOnceAsync(Guid[] merchants, CancellationToken stoppingToken)
    {
        try
        {
            await WatchAsync(merchants, stoppingToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            logger.LogWarning(ex, "Could not renew the live-event marks of {Count} merchants; retrying at the next tick", merchants.Length);
        }
    }
}
