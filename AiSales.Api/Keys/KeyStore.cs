using AiSales.Api.Security;
using Npgsql;

namespace AiSales.Api.Keys;

/// <summary>Writes a new key's row: its id and the hash of its secret, never the secret.</summary>
public static class KeyStore
{
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
