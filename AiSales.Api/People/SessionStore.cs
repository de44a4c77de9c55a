using AiSales.Api.Security;
using Npgsql;

namespace AiSales.Api.People;

/// <summary>A user as sign-in reads them: the stored hash, whether they are locked out, and their shop.</summary>
public sealed record SignInCandidate(Guid Id, string Email, string Role, string? PasswordHash, DateTimeOffset? LockedUntil, Guid MerchantId, string MerchantName, string? Language);

/// <summary>The SQL of sign-in: the lockout counter and the sessions behind the console's bearer tokens.</summary>
public static class SessionStore
{
    public static async Task<SignInCandidate?> FindByEmailAsync(NpgsqlDataSource db, string email, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            SELECT u.id, u.email, u.role, u.password_hash, CASE WHEN u.locked_until > now() THEN u.locked_until END, m.id, m.name, u.language
            FROM merchant_users u JOIN merchants m ON m.id = u.merchant_id
            WHERE lower(u.email) = lower($1) AND m.status = 'active'
            """);
        command.Parameters.AddWithValue(email);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new SignInCandidate(
            reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4), reader.GetGuid(5), reader.GetString(6),
            reader.IsDBNull(7) ? null : reader.GetString(7));
    }

    /// <summary>Counts a failure; the one that reaches the limit locks the account and starts the count again. Returns the lock's end, if any.</summary>
    public static async Task<DateTimeOffset?> RecordFailureAsync(NpgsqlDataSource db, Guid userId, ConsoleSettings settings, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            UPDATE merchant_users SET
                failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= $2 THEN 0 ELSE failed_sign_ins + 1 END,
                locked_until = CASE WHEN failed_sign_ins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END,
                updated_at = now()
            WHERE id = $1
            RETURNING CASE WHEN locked_until > now() THEN locked_until END
            """);
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(settings.MaxFailedSignIns);
        command.Parameters.AddWithValue(settings.LockoutMinutes);
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is DateTime lockedUntil ? new DateTimeOffset(lockedUntil) : null;
    }

    /// <summary>Clears the failure count, stores a re-hashed password when the hasher asked for one, and opens a session.</summary>
    public static async Task<DateTimeOffset> OpenSessionAsync(
        NpgsqlDataSource db, Guid userId, NewSessionToken token, string? rehashedPassword, ConsoleSettings settings, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            WITH reset AS (
                UPDATE merchant_users SET failed_sign_ins = 0, locked_until = NULL, password_hash = coalesce($5, password_hash)
                WHERE id = $2
            )
            INSERT INTO merchant_user_sessions (id, user_id, secret_hash, expires_at, absolute_expires_at)
            VALUES ($1, $2, $3, now() + make_interval(mins => $4), now() + make_interval(hours => $6))
            RETURNING absolute_expires_at
            """);
        command.Parameters.AddWithValue(token.SessionId);
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(token.SecretHash);
        command.Parameters.AddWithValue(settings.SessionIdleMinutes);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, Value = (object?)rehashedPassword ?? DBNull.Value });
        command.Parameters.AddWithValue(settings.SessionMaxHours);
        return new DateTimeOffset((DateTime)(await command.ExecuteScalarAsync(cancellationToken))!);
    }

    public static async Task RevokeAsync(NpgsqlDataSource db, Guid sessionId, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("UPDATE merchant_user_sessions SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1");
        command.Parameters.AddWithValue(sessionId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public sealed record ActiveSession(Guid UserId, Guid MerchantId, string Role, byte[] SecretHash, DateTimeOffset ExpiresAt);

    /// <summary>A live session of an existing user of an active merchant; expired, revoked and removed ones are not found.</summary>
    public static async Task<ActiveSession?> FindActiveAsync(NpgsqlDataSource db, Guid sessionId, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            SELECT u.id, u.merchant_id, u.role, s.secret_hash, s.expires_at
            FROM merchant_user_sessions s
            JOIN merchant_users u ON u.id = s.user_id
            JOIN merchants m ON m.id = u.merchant_id
            WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND m.status = 'active'
            """);
        command.Parameters.AddWithValue(sessionId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ActiveSession(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), (byte[])reader.GetValue(3), reader.GetFieldValue<DateTimeOffset>(4))
            : null;
    }

    /// <summary>Slides the idle expiry forward, never past the absolute one.</summary>
    public static async Task TouchAsync(NpgsqlDataSource db, Guid sessionId, ConsoleSettings settings, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            UPDATE merchant_user_sessions SET expires_at = least(now() + make_interval(mins => $2), absolute_expires_at) WHERE id = $1
            """);
        command.Parameters.AddWithValue(sessionId);
        command.Parameters.AddWithValue(settings.SessionIdleMinutes);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
