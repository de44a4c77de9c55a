using AiSales.Api.Security;
using Npgsql;

namespace AiSales.Api.Keys;

/// <summary>Writes a new key's row: its id and the hash of its secret, never the secret.</summary>
public static class KeyStore
{
    /// <summary>
    /// The merchant's active keys, counted under a lock on the merchant's row (held to the end of the transaction), so
    /// two keys created at once cannot both pass the limit. The lock mode leaves foreign-key checks (webhooks) unblocked.
    /// </summary>
    public static async Task<long> LockAndCountActiveAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid merchantId, CancellationToken cancellationToken)
    {
        await using (var lockMerchant = new NpgsqlCommand("SELECT 1 FROM merchants WHERE id = $1 FOR NO KEY UPDATE", connection, transaction))
        {
            lockMerchant.Parameters.AddWithValue(merchantId);
            await lockMerchant.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM merchant_api_keys WHERE merchant_id = $1 AND revoked_at IS NULL", connection, transaction);
        count.Parameters.AddWithValue(merchantId);
        return (long)(await count.ExecuteScalarAsync(cancellationToken))!;
    }

    public static async Task<DateTimeOffset> InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid merchantId, NewApiKey key, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO merchant_api_keys (id, merchant_id, name, secret_hash) VALUES ($1, $2, $3, $4) RETURNING created_at",
            connection, transaction);
        command.Parameters.AddWithValue(key.KeyId);
        command.Parameters.AddWithValue(merchantId);
        command.Parameters.AddWithValue(name);
        command.Parameters.AddWithValue(key.SecretHash);
        return new DateTimeOffset((DateTime)(await command.ExecuteScalarAsync(cancellationToken))!);
    }
}
