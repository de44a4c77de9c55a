using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>
/// The merchant's people for the console: users (owner or staff, password hashed with ASP.NET Core Identity's
/// PasswordHasher), one-time invites (only a SHA-256 of the link's token is kept), and sign-in sessions (short-lived
/// bearer tokens, also stored only as hashes). Removing a user removes their invites and ends their sessions.
/// </summary>
[Migration(202611301300, "Create merchant users, invites and sessions")]
public sealed class CreateMerchantUsers : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            CREATE TABLE merchant_users (
                id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
                merchant_id      uuid NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
                email            text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
                role             text NOT NULL CHECK (role IN ('owner', 'staff')),
                -- NULL until the invite is accepted.
                password_hash    text,
                failed_sign_ins  integer NOT NULL DEFAULT 0,
                locked_until     timestamptz,
                created_at       timestamptz NOT NULL DEFAULT now(),
                updated_at       timestamptz NOT NULL DEFAULT now()
            );
            -- An email signs in without naming its shop, so it belongs to one merchant only.
            CREATE UNIQUE INDEX uq_merchant_users_email ON merchant_users (lower(email));
            CREATE INDEX ix_merchant_users_merchant ON merchant_users (merchant_id);

            CREATE TABLE merchant_user_invites (
                id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
                user_id     uuid NOT NULL REFERENCES merchant_users (id) ON DELETE CASCADE,
                token_hash  bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
                expires_at  timestamptz NOT NULL,
                used_at     timestamptz,
                created_at  timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX ix_merchant_user_invites_user ON merchant_user_invites (user_id);

            CREATE TABLE merchant_user_sessions (
                id                   uuid PRIMARY KEY,
                user_id              uuid NOT NULL REFERENCES merchant_users (id) ON DELETE CASCADE,
                secret_hash          bytea NOT NULL CHECK (length(secret_hash) = 32),
                created_at           timestamptz NOT NULL DEFAULT now(),
                -- Sliding: pushed forward while the session is used, never past absolute_expires_at.
                expires_at           timestamptz NOT NULL,
                absolute_expires_at  timestamptz NOT NULL,
                revoked_at           timestamptz
            );
            CREATE INDEX ix_merchant_user_sessions_user ON merchant_user_sessions (user_id);
            """);
    }

    public override void Down()
    {
        Execute.Sql("DROP TABLE merchant_user_sessions; DROP TABLE merchant_user_invites; DROP TABLE merchant_users;");
    }
}
