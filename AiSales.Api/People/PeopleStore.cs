using AiSales.Api.Security;
using Npgsql;

namespace AiSales.Api.People;

/// <summary>The SQL of merchant users and their one-time invites. Invite tokens are stored only as SHA-256 hashes.</summary>
public static class PeopleStore
{
    public const string EmailConstraint = "uq_merchant_users_email";

    /// <summary>A user without a password and a fresh invite link; throws a unique violation when the email is taken.</summary>
    public static async Task<InvitedUser> InsertInvitedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid merchantId, string email, string role,
        ConsoleSettings settings, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand(
            "INSERT INTO merchant_users (merchant_id, email, role) VALUES ($1, $2, $3) RETURNING id", connection, transaction);
        insert.Parameters.AddWithValue(merchantId);
        insert.Parameters.AddWithValue(email);
        insert.Parameters.AddWithValue(role);
        var userId = (Guid)(await insert.ExecuteScalarAsync(cancellationToken))!;
        var invite = await InsertInviteAsync(connection, transaction, userId, settings, cancellationToken);
        return new InvitedUser(userId, email, role, invite);
    }

    private static async Task<InviteLink> InsertInviteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid userId, ConsoleSettings settings, CancellationToken cancellationToken)
    {
        var token = RandomTokens.Create();
        await using var command = new NpgsqlCommand("""
            INSERT INTO merchant_user_invites (user_id, token_hash, expires_at) VALUES ($1, $2, now() + make_interval(hours => $3))
            RETURNING expires_at
            """, connection, transaction);
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(ApiKeys.HashSecret(token));
        command.Parameters.AddWithValue(settings.InviteHours);
        var expiresAt = (DateTime)(await command.ExecuteScalarAsync(cancellationToken))!;
        return new InviteLink(settings.InviteUrl(token), new DateTimeOffset(expiresAt));
    }

    /// <summary>
    /// Uses the invite (once: the UPDATE … WHERE used_at IS NULL decides between two racing requests), retires the
    /// user's other invites and sets the password. Null when the token is unknown, used or expired.
    /// </summary>
    public static async Task<string?> AcceptInviteAsync(NpgsqlDataSource db, string token, string passwordHash, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            WITH used AS (
                UPDATE merchant_user_invites SET used_at = now()
                WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
                RETURNING user_id
            ), others AS (
                UPDATE merchant_user_invites i SET used_at = now() FROM used
                WHERE i.user_id = used.user_id AND i.used_at IS NULL AND i.token_hash <> $1
            )
            UPDATE merchant_users u SET password_hash = $2, failed_sign_ins = 0, locked_until = NULL, updated_at = now()
            FROM used WHERE u.id = used.user_id
            RETURNING u.email
            """);
        command.Parameters.AddWithValue(ApiKeys.HashSecret(token));
        command.Parameters.AddWithValue(passwordHash);
        return (string?)await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>Whether the invite can still be used (known, unused, unexpired); nothing about whose it is.</summary>
    public static async Task<bool> InviteIsOpenAsync(NpgsqlDataSource db, string token, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            SELECT EXISTS (SELECT 1 FROM merchant_user_invites WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now())
            """);
        command.Parameters.AddWithValue(ApiKeys.HashSecret(token));
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public static async Task<List<MerchantUserView>> ListAsync(NpgsqlDataSource db, Guid merchantId, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            SELECT id, email, role, password_hash IS NOT NULL, created_at FROM merchant_users
            WHERE merchant_id = $1 ORDER BY created_at, id
            """);
        command.Parameters.AddWithValue(merchantId);
        var users = new List<MerchantUserView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            users.Add(new MerchantUserView(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3) ? "active" : "invited",
                reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return users;
    }

    public enum RemoveResult { Removed, NotFound, LastOwner }

    /// <summary>Deletes the user (their sessions and invites go with them) unless that would leave the shop without an owner.</summary>
    public static async Task<RemoveResult> RemoveAsync(NpgsqlDataSource db, Guid merchantId, Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Locking the merchant's users serialises two owners removing each other at the same moment.
        await using var command = new NpgsqlCommand("""
            SELECT id, role FROM merchant_users WHERE merchant_id = $1 ORDER BY id FOR UPDATE
            """, connection, transaction);
        command.Parameters.AddWithValue(merchantId);
        var users = new List<(Guid Id, string Role)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                users.Add((reader.GetGuid(0), reader.GetString(1)));
            }
        }

        var target = users.FirstOrDefault(u => u.Id == userId);
        if (target.Id == Guid.Empty)
        {
            return RemoveResult.NotFound;
        }

        if (target.Role == Roles.Owner && users.Count(u => u.Role == Roles.Owner) == 1)
        {
            return RemoveResult.LastOwner;
        }

        await using var delete = new NpgsqlCommand("DELETE FROM merchant_users WHERE id = $1 AND merchant_id = $2", connection, transaction);
        delete.Parameters.AddWithValue(userId);
        delete.Parameters.AddWithValue(merchantId);
        await delete.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RemoveResult.Removed;
    }
}
