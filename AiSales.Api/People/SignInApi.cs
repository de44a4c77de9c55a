using System.Globalization;
using System.Security.Claims;
using AiSales.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AiSales.Api.People;

/// <summary>
/// Console sign-in: accept an invite (set a password), sign in for a short-lived bearer token (<c>aiss_…</c>, the
/// second scheme beside API keys), who am I, sign out. Five failures in a row lock the account for 15 minutes.
/// </summary>
public static class SignInApi
{
    public static RouteGroupBuilder MapSignInApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Sign-in");
        // A POST, not a GET: the token is a secret, and a URL's query ends up in logs.
        auth.MapPost("/invites/check", CheckInviteAsync)
            .WithSummary("Whether a one-time invite can still set a password (asked when its link is opened): 204, else 400 naming token.");
        auth.MapPost("/invites/accept", AcceptInviteAsync).WithSummary("Use a one-time invite: set the password of the invited person.");
        auth.MapPost("/sign-in", SignInAsync).WithSummary("Sign in with email and password; returns a short-lived bearer token for the merchant API.");

        auth.MapGet("/me", MeAsync).WithSummary("The signed-in person and their shop.")
            .RequireAuthorization(MerchantApiExtensions.SessionPolicy).RequireRateLimiting(RateLimitingSettings.MerchantPolicy);
        auth.MapPatch("/me", MeLanguage.PatchAsync).WithSummary("Remember the signed-in person's console language: {language: \"en\"|\"ar\"}.")
            .RequireAuthorization(MerchantApiExtensions.SessionPolicy).RequireRateLimiting(RateLimitingSettings.MerchantPolicy);
        auth.MapPost("/sign-out", SignOutAsync).WithSummary("End this session: its token stops working at once.")
            .RequireAuthorization(MerchantApiExtensions.SessionPolicy).RequireRateLimiting(RateLimitingSettings.MerchantPolicy);
        return auth;
    }

    /// <summary>The same answer for an unknown, a used and an expired invite, and never whose it is.</summary>
    private const string UnusableInvite = "is unknown, already used or expired; ask for a new invite.";

    private static async Task<Results<NoContent, ValidationProblem>> CheckInviteAsync(
        CheckInviteRequest request, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var token = errors.Text("token", request.Token, 100);
        if (!errors.Any && !await PeopleStore.InviteIsOpenAsync(db, token, cancellationToken))
        {
            errors.Add("token", UnusableInvite);
        }

        return errors.Any ? errors.ToProblem() : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<AcceptedInvite>, ValidationProblem>> AcceptInviteAsync(
        AcceptInviteRequest request, NpgsqlDataSource db, IPasswordHasher<MerchantUserView> hasher, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var token = errors.Text("token", request.Token, 100);
        var password = errors.Password("password", request.Password);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var email = await PeopleStore.AcceptInviteAsync(db, token, hasher.HashPassword(null!, password), cancellationToken);
        if (email is null)
        {
            errors.Add("token", UnusableInvite);
            return errors.ToProblem();
        }

        return TypedResults.Ok(new AcceptedInvite(email));
    }

    private static async Task<Results<Ok<SignInResponse>, ValidationProblem, ProblemHttpResult>> SignInAsync(
        SignInRequest request, HttpContext http, NpgsqlDataSource db, IPasswordHasher<MerchantUserView> hasher,
        IOptions<ConsoleSettings> options, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var email = errors.Text("email", request.Email, 254);
        errors.Text("password", request.Password, PeopleValidation.MaxPasswordLength);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var settings = options.Value;
        var user = await SessionStore.FindByEmailAsync(db, email, cancellationToken);
        if (user?.LockedUntil is { } lockedUntil)
        {
            return Locked(http, lockedUntil, settings);
        }

        // An unknown email costs a hash too, so the answer's timing does not tell which emails exist.
        var verdict = hasher.VerifyHashedPassword(null!, user?.PasswordHash ?? DummyHash.Value, request.Password!);
        if (user is null || user.PasswordHash is null || verdict == PasswordVerificationResult.Failed)
        {
            var nowLocked = user is null ? null : await SessionStore.RecordFailureAsync(db, user.Id, settings, cancellationToken);
            return nowLocked is { } until
                ? Locked(http, until, settings)
                : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: "The email or password is wrong.");
        }

        var rehashed = verdict == PasswordVerificationResult.SuccessRehashNeeded ? hasher.HashPassword(null!, request.Password!) : null;
        var token = SessionTokens.Create();
        var expiresAt = await SessionStore.OpenSessionAsync(db, user.Id, token, rehashed, settings, cancellationToken);
        return TypedResults.Ok(new SignInResponse(token.Token, expiresAt, new SignedInUser(user.Id, user.Email, user.Role, user.MerchantId, user.MerchantName, user.Language)));
    }

    private static async Task<Results<Ok<SignedInUser>, ProblemHttpResult>> MeAsync(ClaimsPrincipal principal, NpgsqlDataSource db, CancellationToken cancellationToken) =>
        await MeLanguage.FindAsync(db, principal, cancellationToken) is { } me
            ? TypedResults.Ok(me)
            : MeLanguage.Gone();

    private static async Task<NoContent> SignOutAsync(ClaimsPrincipal principal, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        if (principal.SessionId() is { } sessionId)
        {
            await SessionStore.RevokeAsync(db, sessionId, cancellationToken);
        }

        return TypedResults.NoContent();
    }

    private static ProblemHttpResult Locked(HttpContext http, DateTimeOffset until, ConsoleSettings settings)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling((until - DateTimeOffset.UtcNow).TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status423Locked,
            title: "Account locked",
            detail: $"After {settings.MaxFailedSignIns} failed sign-ins this account is locked for {settings.LockoutMinutes} minutes; try again later.",
            extensions: new Dictionary<string, object?> { ["lockedUntil"] = until });
    }

    private static class DummyHash
    {
        public static readonly string Value = new PasswordHasher<MerchantUserView>().HashPassword(null!, RandomTokens.Create());
    }
}
