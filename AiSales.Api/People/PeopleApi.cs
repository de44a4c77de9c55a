using System.Security.Claims;
using AiSales.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AiSales.Api.People;

/// <summary>
/// The shop's console users. Everyone signed in sees the list; only owners (and API keys, which speak for the
/// merchant) invite and remove people. A user of another merchant answers 404, like every foreign id.
/// </summary>
public static class PeopleApi
{
    public static RouteGroupBuilder MapPeopleApi(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/merchant/users").WithTags("People");
        people.MapGet("/", ListAsync).WithSummary("The shop's console users and whether each has accepted their invite.");
        people.MapPost("/", InviteAsync).RequireAuthorization(MerchantApiExtensions.OwnerPolicy)
            .WithSummary("Invite a person (owner only): returns a one-time link, valid 48 h, where they set a password.");
        people.MapDelete("/{id:guid}", RemoveAsync).RequireAuthorization(MerchantApiExtensions.OwnerPolicy)
            .WithSummary("Remove a person (owner only): their sessions end at once. The last owner cannot be removed.");
        return api;
    }

    private static async Task<Ok<List<MerchantUserView>>> ListAsync(ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await PeopleStore.ListAsync(db, user.MerchantId(), cancellationToken));

    private static async Task<Results<Created<InvitedUser>, ValidationProblem, ProblemHttpResult>> InviteAsync(
        InviteUserRequest request, ClaimsPrincipal user, NpgsqlDataSource db, IOptions<ConsoleSettings> settings, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var email = errors.Email("email", request.Email);
        var role = request.Role?.Trim().ToLowerInvariant() ?? Roles.Staff;
        if (!Roles.All.Contains(role))
        {
            errors.Add("role", "must be \"owner\" or \"staff\".");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            var invited = await PeopleStore.InsertInvitedAsync(connection, transaction, user.MerchantId(), email, role, settings.Value, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return TypedResults.Created($"/api/merchant/users/{invited.Id}", invited);
        }
        catch (PostgresException ex) when (ex.IsUniqueViolation(PeopleStore.EmailConstraint))
        {
            return EmailTaken("email");
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        return await PeopleStore.RemoveAsync(db, user.MerchantId(), id, cancellationToken) switch
        {
            PeopleStore.RemoveResult.NotFound => MerchantApiProblems.NotFound("user", id),
            PeopleStore.RemoveResult.LastOwner => MerchantApiProblems.Conflict("This is the shop's last owner; invite another owner first."),
            _ => TypedResults.NoContent(),
        };
    }

    /// <summary>An email signs in without naming its shop, so it can belong to one console user only.</summary>
    public static ProblemHttpResult EmailTaken(string field) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Conflict",
        detail: $"{field}: this email already has a console account.",
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = ["already has a console account."] } });
}
