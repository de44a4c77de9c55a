using System.Security.Claims;
using AiSales.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace AiSales.Api.Keys;

public sealed record CreateKeyRequest(string? Name);

public sealed record CreatedKey(Guid Id, string Name, string ApiKey, DateTimeOffset CreatedAt);

public sealed record KeyView(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>
/// A merchant holds several keys (rotation without downtime) and revokes them one by one. At most
/// <see cref="MaxActiveKeys"/> are active at once: each key has its own rate-limit window, so unlimited keys would be
/// unlimited traffic.
/// </summary>
public static class KeysApi
{
    public const int MaxActiveKeys = 20;

    public static RouteGroupBuilder MapKeysApi(this RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/merchant/keys").WithTags("API keys");
        keys.MapGet("/", ListKeysAsync).WithSummary("List this merchant's API keys (never their secrets).");
        // Staff may see the keys (never their secrets); only owners (and API keys) create and revoke them.
        keys.MapPost("/", CreateKeyAsync).WithSummary("Create another API key; the key is shown once.")
            .RequireAuthorization(MerchantApiExtensions.OwnerPolicy);
        keys.MapDelete("/{id:guid}", RevokeKeyAsync).WithSummary("Revoke an API key. The last active key cannot be revoked.")
            .RequireAuthorization(MerchantApiExtensions.OwnerPolicy);
        return api;
    }

    private static async Task<Ok<List<KeyView>>> ListKeysAsync(ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            SELECT id, name, created_at, last_used_at, revoked_at FROM merchant_api_keys
            WHERE merchant_id = $1 ORDER BY created_at, id
            """);
        command.Parameters.AddWithValue(user.MerchantId());
        var keys = new List<KeyView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(new KeyView(
                reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return TypedResults.Ok(keys);
    }

    private static async Task<Results<Created<CreatedKey>, ValidationProblem, ProblemHttpResult>> CreateKeyAsync(
        CreateKeyRequest? request, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var name = errors.Text("name", request?.Name, 100, required: false);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        name = name.Length == 0 ? "default" : name;
        var key = ApiKeys.Create();
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await KeyStore.LockAndCountActiveAsync(connection, transaction, user.MerchantId(), cancellationToken) >= MaxActiveKeys)
        {
            return MerchantApiProblems.Conflict($"A merchant holds at most {MaxActiveKeys} active API keys; revoke one before creating another.");
        }

        var createdAt = await KeyStore.InsertAsync(connection, transaction, user.MerchantId(), key, name, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/merchant/keys/{key.KeyId}", new CreatedKey(key.KeyId, name, key.Key, createdAt));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeKeyAsync(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        // One statement: the key must be this merchant's, and another active key must remain.
        await using var command = db.CreateCommand("""
            WITH target AS (
                SELECT id, revoked_at FROM merchant_api_keys WHERE id = $1 AND merchant_id = $2 FOR UPDATE
            ), others AS (
                SELECT count(*) AS n FROM merchant_api_keys WHERE merchant_id = $2 AND id <> $1 AND revoked_at IS NULL
            ), revoked AS (
                UPDATE merchant_api_keys k SET revoked_at = coalesce(k.revoked_at, now())
                FROM target, others WHERE k.id = target.id AND (others.n > 0 OR target.revoked_at IS NOT NULL)
                RETURNING k.id
            )
            SELECT (SELECT count(*) FROM target), (SELECT count(*) FROM revoked)
            """);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(user.MerchantId());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (found, revoked) = (reader.GetInt64(0), reader.GetInt64(1));
        if (found == 0)
        {
            return MerchantApiProblems.NotFound("API key", id);
        }

        return revoked == 0
            ? MerchantApiProblems.Conflict("This is the merchant's last active API key; create another key before revoking it.")
            : TypedResults.NoContent();
    }
}
