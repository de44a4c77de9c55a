using Npgsql;

namespace AiSales.Api.Media;

/// <summary>One file to fetch, claimed by this worker until <c>lease_until</c>; the channel token still sealed.</summary>
public sealed record MediaWork(
    Guid Id, Guid MerchantId, string Platform, string Type, string? GraphMediaId, string? SourceUrl, string? DeclaredMime,
    int Attempts, byte[]? TokenCiphertext, string? TokenKeyId);

/// <summary>A stored file's row, for serving it: only the merchant's own (the caller passes its id).</summary>
public sealed record StoredMedia(Guid Id, string Type, string State, string? MimeType, long? SizeBytes, string? BlobKey, string? Error);

/// <summary>
/// The media table's state machine in SQL (docs/media.md): pending → fetching (leased) → stored | refused | failed,
/// or back to pending with a later attempt. A worker that dies mid-fetch leaves a lease that expires; the row is
/// claimed again then. Claims use SKIP LOCKED, so any number of API instances share the work.
/// </summary>
public sealed class MediaStore(NpgsqlDataSource db)
{
    private const string ClaimSql = """
        WITH due AS (
            SELECT id FROM media
            WHERE state = 'pending' AND next_attempt_at <= now()
               OR state = 'fetching' AND lease_until < now()
            ORDER BY next_attempt_at
            LIMIT $1
            FOR UPDATE SKIP LOCKED)
        UPDATE media m
        SET state = 'fetching', attempts = m.attempts + 1, lease_until = now() + make_interval(secs => $2), updated_at = now()
        FROM due
        WHERE m.id = due.id
        RETURNING m.id, m.merchant_id, m.platform, m.type, m.graph_media_id, m.source_url, m.declared_mime, m.attempts,
                  (SELECT c.token_ciphertext FROM channels c WHERE c.merchant_id = m.merchant_id AND c.platform = m.platform),
                  (SELECT c.token_key_id FROM channels c WHERE c.merchant_id = m.merchant_id AND c.platform = m.platform)
        """;

    public async Task<List<MediaWork>> ClaimAsync(int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(ClaimSql);
        command.Parameters.AddWithValue(limit);
        command.Parameters.AddWithValue(lease.TotalSeconds);
        var claimed = new List<MediaWork>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new MediaWork(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), Nullable(reader, 4), Nullable(reader, 5),
                Nullable(reader, 6), reader.GetInt32(7), reader.IsDBNull(8) ? null : reader.GetFieldValue<byte[]>(8), Nullable(reader, 9)));
        }

        return claimed;
    }

    public Task MarkStoredAsync(Guid id, string mimeType, long size, string sha256, string blobKey) => ExecuteAsync("""
        UPDATE media SET state = 'stored', mime_type = $2, size_bytes = $3, sha256 = $4, blob_key = $5, error = NULL,
                         lease_until = NULL, fetched_at = now(), updated_at = now()
        WHERE id = $1 AND state = 'fetching'
        """, id, mimeType, size, sha256, blobKey);

    /// <summary>Final: the file is not kept (too large, an executable, not what the message says), and why.</summary>
    public Task MarkRefusedAsync(Guid id, string reason, long? size) => ExecuteAsync("""
        UPDATE media SET state = 'refused', error = $2, size_bytes = $3, lease_until = NULL, updated_at = now()
        WHERE id = $1 AND state = 'fetching'
        """, id, Truncate(reason), (object?)size ?? DBNull.Value);

    /// <summary>Another attempt later, or 'failed' when this was the last one (or the failure cannot pass).</summary>
    public Task RetryOrFailAsync(Guid id, string error, TimeSpan? retryIn) => retryIn is { } delay
        ? ExecuteAsync("""
            UPDATE media SET state = 'pending', error = $2, next_attempt_at = now() + make_interval(secs => $3), lease_until = NULL, updated_at = now()
            WHERE id = $1 AND state = 'fetching'
            """, id, Truncate(error), delay.TotalSeconds)
        : ExecuteAsync("""
            UPDATE media SET state = 'failed', error = $2, lease_until = NULL, updated_at = now()
            WHERE id = $1 AND state = 'fetching'
            """, id, Truncate(error));

    public async Task<StoredMedia?> FindAsync(Guid id, Guid merchantId, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            SELECT id, type, state, mime_type, size_bytes, blob_key, error FROM media WHERE id = $1 AND merchant_id = $2
            """);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(merchantId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredMedia(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), Nullable(reader, 3),
                reader.IsDBNull(4) ? null : reader.GetInt64(4), Nullable(reader, 5), Nullable(reader, 6))
            : null;
    }

    private async Task ExecuteAsync(string sql, params object[] values)
    {
        await using var command = db.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync();
    }

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500];

    private static string? Nullable(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
}
