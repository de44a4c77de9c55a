using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AiSales.Api.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer aisk_…</c>. The merchant id comes only from the key's row, so a
/// request can never name another tenant. Revoked keys and keys of disabled merchants fail; an unknown, revoked or
/// wrong key just refused is refused again without a database round trip for a short while (<see cref="RejectedKeys"/>).
/// </summary>
public sealed class MerchantApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    NpgsqlDataSource dataSource,
    RejectedKeys rejectedKeys,
    TimeProvider timeProvider) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "MerchantApiKey";

    // last_used_at is informative: writing it at most once a minute per key keeps reads read-only.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiKeys.TryParse(header["Bearer ".Length..].Trim(), out var keyId, out var secret))
        {
            return AuthenticateResult.Fail("Malformed API key.");
        }

        var presentedHash = ApiKeys.HashSecret(secret);
        if (rejectedKeys.Contains(keyId, presentedHash))
        {
            return Refused();
        }

        Guid merchantId;
        byte[] hash;
        DateTimeOffset? lastUsed;
        bool revoked, merchantActive;
        // The reader is disposed once, at the end of this block: Npgsql reuses a connection's reader object, so a
        // reader disposed early and then again by `await using` would close another request's reader on that connection.
        await using (var command = dataSource.CreateCommand("""
            SELECT k.merchant_id, k.secret_hash, k.last_used_at, k.revoked_at IS NOT NULL, m.status = 'active'
            FROM merchant_api_keys k JOIN merchants m ON m.id = k.merchant_id
            WHERE k.id = $1
            """))
        {
            command.Parameters.AddWithValue(keyId);
            await using var reader = await command.ExecuteReaderAsync(Context.RequestAborted);
            if (!await reader.ReadAsync(Context.RequestAborted))
            {
                rejectedKeys.Add(keyId, presentedHash);
                return Refused();
            }

            merchantId = reader.GetGuid(0);
            hash = (byte[])reader.GetValue(1);
            lastUsed = reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2);
            (revoked, merchantActive) = (reader.GetBoolean(3), reader.GetBoolean(4));
        }

        // Unknown ids and wrong secrets stay wrong, and revocation is final: remembered. A disabled merchant may be
        // enabled again at any moment (on any replica), so its keys are always looked up.
        if (!ApiKeys.MatchesHash(presentedHash, hash) || revoked)
        {
            rejectedKeys.Add(keyId, presentedHash);
            return Refused();
        }

        if (!merchantActive)
        {
            return Refused();
        }

        if (lastUsed is null || timeProvider.GetUtcNow() - lastUsed > LastUsedResolution)
        {
            await using var touch = dataSource.CreateCommand("UPDATE merchant_api_keys SET last_used_at = now() WHERE id = $1");
            touch.Parameters.AddWithValue(keyId);
            await touch.ExecuteNonQueryAsync(Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(
            [new Claim(MerchantPrincipal.MerchantIdClaim, merchantId.ToString()), new Claim(MerchantPrincipal.KeyIdClaim, keyId.ToString("N"))],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private static AuthenticateResult Refused() => AuthenticateResult.Fail("Unknown, revoked or disabled API key.");

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "API key required",
            detail: "Send a valid, unrevoked merchant API key as 'Authorization: Bearer aisk_…'.").ExecuteAsync(Context);
    }
}
