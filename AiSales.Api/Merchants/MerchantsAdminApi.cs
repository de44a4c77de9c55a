using AiSales.Api.Keys;
using AiSales.Api.People;
using AiSales.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AiSales.Api.Merchants;

public sealed record CreateMerchantRequest(string? Name, string? OwnerEmail);

/// <summary>With an owner email, <c>ownerInvite</c> is the one-time console link (48 h) where the owner sets a password.</summary>
public sealed record CreatedMerchant(Guid Id, string Name, string Status, string ApiKey, InviteLink? OwnerInvite);

public sealed record MerchantSummary(Guid Id, string Name, string Status, int Channels, DateTimeOffset CreatedAt);

public sealed record MerchantPage(IReadOnlyList<MerchantSummary> Items, int Limit, int Offset);

/// <summary>Operator routes (under the X-Admin-Key group): create, list, disable and re-enable merchants.</summary>
public static class MerchantsAdminApi
{
    private const string SummarySql = """
        SELECT m.id, m.name, m.status, (SELECT count(*)::int FROM channels c WHERE c.merchant_id = m.id), m.created_at
        FROM merchants m
        """;

    public static RouteGroupBuilder MapMerchantsAdminApi(this RouteGroupBuilder admin)
    {
        admin.MapPost("/merchants", CreateMerchantAsync)
            .WithSummary("Create a merchant and its first API key (shown once).");
        admin.MapGet("/merchants", ListMerchantsAsync)
            .WithSummary("List merchants, newest first.");
        admin.MapPost("/merchants/{id:guid}/disable", (Guid id, NpgsqlDataSource db, CancellationToken ct) => SetStatusAsync(id, "disabled", db, ct))
            .WithSummary("Disable a merchant: its API keys stop working and its webhooks are stored but not answered.");
        admin.MapPost("/merchants/{id:guid}/enable", (Guid id, NpgsqlDataSource db, CancellationToken ct) => SetStatusAsync(id, "active", db, ct))
            .WithSummary("Re-enable a disabled merchant.");
        return admin;
    }

    private static async Task<Results<Created<CreatedMerchant>, ValidationProblem, ProblemHttpResult>> CreateMerchantAsync(
        CreateMerchantRequest request, NpgsqlDataSource db, IOptions<ConsoleSettings> console, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var name = errors.Text("name", request.Name, 200);
        var ownerEmail = errors.Email("ownerEmail", request.OwnerEmail, required: false);

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var key = ApiKeys.Create();
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = new NpgsqlCommand("INSERT INTO merchants (name) VALUES ($1) RETURNING id", connection, transaction);
        insert.Parameters.AddWithValue(name);
        var merchantId = (Guid)(await insert.ExecuteScalarAsync(cancellationToken))!;
        await KeyStore.InsertAsync(connection, transaction, merchantId, key, "default", cancellationToken);
        InvitedUser? owner = null;
        if (ownerEmail.Length > 0)
        {
            try
            {
                owner = await PeopleStore.InsertInvitedAsync(connection, transaction, merchantId, ownerEmail, Roles.Owner, console.Value, cancellationToken);
            }
            catch (PostgresException ex) when (ex.IsUniqueViolation(PeopleStore.EmailConstraint))
            {
                return PeopleApi.EmailTaken("ownerEmail");
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/admin/merchants/{merchantId}", new CreatedMerchant(merchantId, name, "active", key.Key, owner?.Invite));
    }

    private static async Task<Ok<MerchantPage>> ListMerchantsAsync(NpgsqlDataSource db, CancellationToken cancellationToken, int limit = 50, int offset = 0)
    {
        limit = Math.Clamp(limit, 1, 200);
        offset = Math.Max(0, offset);
        await using var command = db.CreateCommand($"{SummarySql} ORDER BY m.created_at DESC, m.id LIMIT $1 OFFSET $2");
        command.Parameters.AddWithValue(limit);
        command.Parameters.AddWithValue(offset);
        var items = new List<MerchantSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(ReadSummary(reader));
        }

        return TypedResults.Ok(new MerchantPage(items, limit, offset));
    }

    private static async Task<Results<Ok<MerchantSummary>, ProblemHttpResult>> SetStatusAsync(
        Guid id, string status, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        await using var update = db.CreateCommand("UPDATE merchants SET status = $2, updated_at = now() WHERE id = $1");
        update.Parameters.AddWithValue(id);
        update.Parameters.AddWithValue(status);
        if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No merchant with id {id} exists.");
        }

        await using var command = db.CreateCommand($"{SummarySql} WHERE m.id = $1");
        command.Parameters.AddWithValue(id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return TypedResults.Ok(ReadSummary(reader));
    }

    private static MerchantSummary ReadSummary(NpgsqlDataReader reader) =>
        new(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetFieldValue<DateTimeOffset>(4));
}
