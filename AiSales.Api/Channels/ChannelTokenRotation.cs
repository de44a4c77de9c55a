using AiSales.Core.Security;
using Npgsql;

namespace AiSales.Api.Channels;

public sealed record RotationFailure(Guid ChannelId, string Reason);

public sealed record RotationReport(string CurrentKeyId, int Rotated, int Remaining, IReadOnlyList<RotationFailure> Failed);

/// <summary>
/// Re-encrypts every channel token that is not under the current key, in batches of one transaction each
/// (rows locked, SKIP LOCKED so concurrent runs do not collide). A token no configured key can open is
/// reported and left as it is. After a run with nothing failed, the previous key can be removed.
/// </summary>
public sealed class ChannelTokenRotation(NpgsqlDataSource db, SecretProtector protector, ILogger<ChannelTokenRotation> logger)
{
    private const int BatchSize = 200;

    public async Task<RotationReport> RotateAsync(CancellationToken cancellationToken)
    {
        var rotated = 0;
        var failed = new List<RotationFailure>();
        while (true)
        {
            await using var connection = await db.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var batch = new List<(Guid Id, Guid MerchantId, string Platform, SealedSecret Token)>();
            await using (var select = new NpgsqlCommand("""
                SELECT id, merchant_id, platform, token_ciphertext, token_key_id FROM channels
                WHERE token_key_id <> $1 AND NOT (id = ANY($2))
                ORDER BY id LIMIT $3
                FOR UPDATE SKIP LOCKED
                """, connection, transaction))
            {
                select.Parameters.AddWithValue(protector.CurrentKeyId);
                select.Parameters.AddWithValue(failed.Select(f => f.ChannelId).ToArray());
                select.Parameters.AddWithValue(BatchSize);
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    batch.Add((reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), new SealedSecret((byte[])reader.GetValue(3), reader.GetString(4))));
                }
            }

            if (batch.Count == 0)
            {
                break;
            }

            foreach (var (id, merchantId, platform, token) in batch)
            {
                var associatedData = ChannelsApi.AssociatedData(merchantId, platform);
                SealedSecret resealed;
                try
                {
                    resealed = protector.Seal(protector.Open(token, associatedData), associatedData);
                }
                catch (SecretDecryptionException e)
                {
                    failed.Add(new RotationFailure(id, e.Message));
                    continue;
                }

                await using var update = new NpgsqlCommand(
                    "UPDATE channels SET token_ciphertext = $2, token_key_id = $3, updated_at = now() WHERE id = $1", connection, transaction);
                update.Parameters.AddWithValue(id);
                update.Parameters.AddWithValue(resealed.Ciphertext);
                update.Parameters.AddWithValue(resealed.KeyId);
                await update.ExecuteNonQueryAsync(cancellationToken);
                rotated++;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await using var count = db.CreateCommand("SELECT count(*)::int FROM channels WHERE token_key_id <> $1");
        count.Parameters.AddWithValue(protector.CurrentKeyId);
        var remaining = (int)(await count.ExecuteScalarAsync(cancellationToken))!;
        logger.LogInformation(
            "Channel token rotation to key {KeyId}: {Rotated} re-encrypted, {Failed} could not be opened, {Remaining} not under the current key",
            protector.CurrentKeyId, rotated, failed.Count, remaining);
        return new RotationReport(protector.CurrentKeyId, rotated, remaining, failed);
    }
}
