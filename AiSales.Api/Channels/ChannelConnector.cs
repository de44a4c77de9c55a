using AiSales.Api.Security;
using AiSales.Core.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace AiSales.Api.Channels;

/// <summary>
/// Connects a WhatsApp number or Instagram account (contract section 6). Meta must first confirm that the token owns
/// the account; only then is a conflict with another merchant looked at, so a stranger without a working token
/// cannot learn which ids are connected. The token is sealed with AES-256-GCM, bound to the merchant and platform
/// by the associated data; putting a channel again re-verifies, replaces its token and reconnects it. A WhatsApp
/// channel's business ids are replaced too, like every field of a PUT: leaving one out clears it.
/// </summary>
public sealed class ChannelConnector(NpgsqlDataSource db, SecretProtector protector, ChannelOwnership ownership)
{
    public async Task<Results<Ok<ChannelView>, ValidationProblem, ProblemHttpResult>> ConnectAsync(
        string platform, string accountField, string? accountId, string? accessToken, Guid merchantId, CancellationToken cancellationToken,
        WhatsAppBusinessIds? businessIds = null)
    {
        var errors = new FieldErrors();
        var account = MetaId(errors, accountField, accountId, required: true) ?? "";
        var wabaId = MetaId(errors, "wabaId", businessIds?.WabaId, required: false);
        var catalogId = MetaId(errors, "catalogId", businessIds?.CatalogId, required: false);

        var token = errors.Text("accessToken", accessToken, 4096, min: 8);
        if (token.Any(char.IsWhiteSpace))
        {
            errors.Add("accessToken", "must not contain spaces.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var check = await ownership.VerifyAsync(platform, account, token, cancellationToken);
        if (!check.Owned)
        {
            // 400 whatever the reason (contract §6: otherwise 400 saying why); the title and detail tell a Meta outage,
            // worth retrying as is, from a token to replace.
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: check.Unreachable ? "Meta could not verify the token" : "Channel ownership not verified",
                detail: $"{check.Reason} Nothing was stored.");
        }

        return await StoreAsync(platform, account, token, merchantId, new WhatsAppBusinessIds(wabaId, catalogId), cancellationToken);
    }

    /// <summary>A Meta id: at most 64 characters, no spaces; an optional one left blank is null.</summary>
    private static string? MetaId(FieldErrors errors, string field, string? value, bool required)
    {
        var id = errors.Text(field, value, 64, required);
        if (id.Any(char.IsWhiteSpace))
        {
            errors.Add(field, "must not contain spaces.");
        }

        return id.Length == 0 && !required ? null : id;
    }

    private async Task<Results<Ok<ChannelView>, ValidationProblem, ProblemHttpResult>> StoreAsync(
        string platform, string account, string token, Guid merchantId, WhatsAppBusinessIds businessIds, CancellationToken cancellationToken)
    {
        var sealedToken = protector.Seal(token, ChannelsApi.AssociatedData(merchantId, platform));
        await using var command = db.CreateCommand($"""
            INSERT INTO channels (merchant_id, platform, account_id, token_ciphertext, token_key_id, token_last4, waba_id, catalog_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (merchant_id, platform) DO UPDATE SET
                account_id = excluded.account_id, token_ciphertext = excluded.token_ciphertext,
                token_key_id = excluded.token_key_id, token_last4 = excluded.token_last4,
                waba_id = excluded.waba_id, catalog_id = excluded.catalog_id,
                status = 'connected', status_reason = NULL, status_changed_at = now(), updated_at = now()
            RETURNING {ChannelsApi.ViewColumns}
            """);
        command.Parameters.AddWithValue(merchantId);
        command.Parameters.AddWithValue(platform);
        command.Parameters.AddWithValue(account);
        command.Parameters.AddWithValue(sealedToken.Ciphertext);
        command.Parameters.AddWithValue(sealedToken.KeyId);
        command.Parameters.AddWithValue(token[^4..]);
        command.Parameters.AddWithValue((object?)businessIds.WabaId ?? DBNull.Value);
        command.Parameters.AddWithValue((object?)businessIds.CatalogId ?? DBNull.Value);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return TypedResults.Ok(ChannelsApi.Read(reader));
        }
        catch (PostgresException e) when (e.IsUniqueViolation("uq_channels_platform_account"))
        {
            return MerchantApiProblems.Conflict($"This {platform} account id is already connected to another merchant.");
        }
    }
}

/// <summary>The optional ids of a WhatsApp channel's Business Account and Meta catalogue; always null on Instagram.</summary>
public sealed record WhatsAppBusinessIds(string? WabaId, string? CatalogId);
