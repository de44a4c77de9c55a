using Microsoft.Extensions.Options;
using Npgsql;

namespace AiSales.Api.Media;

/// <summary>
/// Deletes customers' files after Media__RetentionDays (docs/media.md): the bytes in the blob store first, then their
/// media rows, a small batch at a time. Each batch is one short transaction that locks its rows with SKIP LOCKED (several
/// API instances share the work, and a file being fetched is never touched); a blob store that fails rolls the batch back,
/// so no row is lost while its bytes remain. The messages stay: they only stop listing a file.
/// </summary>
public sealed class MediaRetention(NpgsqlDataSource dataSource, IBlobStore blobs, IOptions<MediaOptions> options, TimeProvider time, ILogger<MediaRetention> logger)
    : BackgroundService
{
    private const string ClaimSql = """
        SELECT id, merchant_id FROM media
        WHERE created_at < now() - make_interval(secs => $1) AND NOT (state = 'fetching' AND lease_until > now())
        ORDER BY created_at
        LIMIT $2
        FOR UPDATE SKIP LOCKED
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.RetentionDays <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(settings.RetentionInterval, time);
        do
        {
            try
            {
                var deleted = await DeleteExpiredAsync(TimeSpan.FromDays(settings.RetentionDays), stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Media retention deleted {Count} files older than {Days} days", deleted, settings.RetentionDays);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Media retention could not run; trying again at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Deletes every file older than <paramref name="age"/>, batch after batch, until a batch comes back short.</summary>
    public async Task<int> DeleteExpiredAsync(TimeSpan age, CancellationToken cancellationToken)
    {
        var batchSize = options.Value.RetentionBatchSize;
        var total = 0;
        while (true)
        {
            var deleted = await DeleteBatchAsync(age, batchSize, cancellationToken);
            total += deleted;
            if (deleted < batchSize)
            {
                return total;
            }
        }
    }

    private async Task<int> DeleteBatchAsync(TimeSpan age, int batchSize, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var expired = new List<(Guid Id, Guid MerchantId)>();
        await using (var claim = new NpgsqlCommand(ClaimSql, connection, transaction))
        {
            claim.Parameters.AddWithValue(age.TotalSeconds);
            claim.Parameters.AddWithValue(batchSize);
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                expired.Add((reader.GetGuid(0), reader.GetGuid(1)));
            }
        }

        // By the key the fetcher writes to, stored or not: a fetch that died between its write and its row leaves no orphan.
        foreach (var (id, merchantId) in expired)
        {
            await blobs.DeleteAsync(BlobKeys.For(merchantId, id), cancellationToken);
        }

        if (expired.Count > 0)
        {
            await using var delete = new NpgsqlCommand("DELETE FROM media WHERE id = ANY($1)", connection, transaction);
            delete.Parameters.AddWithValue(expired.Select(e => e.Id).ToArray());
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return expired.Count;
    }
}
