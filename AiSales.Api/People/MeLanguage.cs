using System.Security.Claims;
using AiSales.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace AiSales.Api.People;

/// <summary>The signed-in person (GET /api/auth/me) and their console language (PATCH /api/auth/me), remembered per person.</summary>
public static class MeLanguage
{
    public static readonly string[] Languages = ["en", "ar"];

    public static async Task<Results<Ok<SignedInUser>, ValidationProblem, ProblemHttpResult>> PatchAsync(
        MeRequest request, ClaimsPrincipal principal, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        if (request.Language is not { } language || !Languages.Contains(language))
        {
            var errors = new FieldErrors();
            errors.Add("language", "must be en or ar.");
            return errors.ToProblem();
        }

        await using (var command = db.CreateCommand("UPDATE merchant_users SET language = $3, updated_at = now() WHERE id = $1 AND merchant_id = $2"))
        {
            command.Parameters.AddWithValue(principal.UserId() ?? Guid.Empty);
            command.Parameters.AddWithValue(principal.MerchantId());
            command.Parameters.AddWithValue(language);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return await FindAsync(db, principal, cancellationToken) is { } me ? TypedResults.Ok(me) : Gone();
    }

    public static async Task<SignedInUser?> FindAsync(NpgsqlDataSource db, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            SELECT u.id, u.email, u.role, m.id, m.name, u.language FROM merchant_users u JOIN merchants m ON m.id = u.merchant_id
            WHERE u.id = $1 AND u.merchant_id = $2
            """);
        command.Parameters.AddWithValue(principal.UserId() ?? Guid.Empty);
        command.Parameters.AddWithValue(principal.MerchantId());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new SignedInUser(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetGuid(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5))
            : null;
    }

    public static ProblemHttpResult Gone() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "This person no longer exists.");
}
