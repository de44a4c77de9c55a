using System.Security.Claims;
using System.Text.Encodings.Web;
using AiSales.Api.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AiSales.Api.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer aiss_…</c>, the short-lived token a console user gets at sign-in. Like an
/// API key, the merchant id comes only from the stored row, so tenant rules are the same for both schemes.
/// </summary>
public sealed class MerchantSessionHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    NpgsqlDataSource dataSource,
    IOptions<ConsoleSettings> settings,
    TimeProvider timeProvider) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "MerchantSession";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!SessionTokens.TryParse(MerchantSchemes.BearerToken(Request), out var sessionId, out var secret))
        {
            return AuthenticateResult.NoResult();
        }

        var session = await SessionStore.FindActiveAsync(dataSource, sessionId, Context.RequestAborted);
        if (session is null || !ApiKeys.Matches(secret, session.SecretHash))
        {
            return AuthenticateResult.Fail("Unknown, expired or ended session.");
        }

        // Written at most once a minute per session, like an API key's last_used_at.
        var idle = TimeSpan.FromMinutes(settings.Value.SessionIdleMinutes);
        if (session.ExpiresAt - timeProvider.GetUtcNow() < idle - TimeSpan.FromMinutes(1))
        {
            await SessionStore.TouchAsync(dataSource, sessionId, settings.Value, Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(MerchantPrincipal.MerchantIdClaim, session.MerchantId.ToString()),
                new Claim(MerchantPrincipal.UserIdClaim, session.UserId.ToString()),
                new Claim(MerchantPrincipal.SessionIdClaim, sessionId.ToString()),
                new Claim(MerchantPrincipal.RoleClaim, session.Role),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Sign-in required",
            detail: "The session has expired or was ended; sign in again.").ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => MerchantSchemes.ForbidAsync(Context);
}
