using System.Security.Claims;
using AiSales.Api.Security;
using AiSales.Core.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace AiSales.Api.Channels;

public sealed record WhatsAppChannelRequest(string? PhoneNumberId, string? AccessToken);

public sealed record InstagramChannelRequest(string? AccountId, string? AccessToken);

/// <summary>What a merchant sees of a channel: never the token, only its last four characters.</summary>
public sealed record ChannelView(
    string Platform, bool Connected, string Status, string AccountId, string TokenLast4, string? StatusReason, DateTimeOffset StatusChangedAt);

/// <summary>
/// Connects a WhatsApp number or Instagram account. The access token is sealed with AES-256-GCM, bound to
/// the merchant and platform by the associated data; putting a channel again replaces its token and
/// reconnects it (after Meta answered 190, for instance).
/// </summary>
public static class ChannelsApi
{
    private const string ViewColumns = "platform, status, account_id, token_last4, status_reason, status_changed_at";

    public static RouteGroupBuilder MapChannelsApi(this RouteGroupBuilder api)
    {
        var channels = api.MapGroup("/merchant/channels").WithTags("Channels");
        channels.MapGet("/", async Task<Ok<List<ChannelView>>> (ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct) =>
                TypedResults.Ok(await ListAsync(db, user.MerchantId(), ct)))
            .WithSummary("This merchant's channels.");
        channels.MapPut("/whatsapp", (WhatsAppChannelRequest request, ClaimsPrincipal user, NpgsqlDataSource db, SecretProtector protector, CancellationToken ct) =>
            ConnectAsync("whatsapp", "phoneNumberId", request.PhoneNumberId, request.AccessToken, user.MerchantId(), db, protector, ct))
            .WithSummary("Connect (or reconnect) the WhatsApp Business phone number id and its access token.")
            .RequireAuthorization(MerchantApiExtensions.OwnerPolicy);
        channels.MapPut("/instagram", (InstagramChannelRequest request, ClaimsPrincipal user, NpgsqlDataSource db, SecretProtector protector, CancellationToken ct) =>
            ConnectAsync("instagram", "accountId", request.AccountId, request.AccessToken, user.MerchantId(), db, protector, ct))
            .WithSummary("Connect (or reconnect) the Instagram professional account id and its access token.")
            .RequireAuthorization(MerchantApiExtensions.OwnerPolicy);
        return api;
    }

    public static string AssociatedData(Guid merchantId, string platform) => $"channel-token:{merchantId}:{platform}";

    public static async Task<List<ChannelView>> ListAsync(NpgsqlDataSource db, Guid merchantId, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand($"SELECT {ViewColumns} FROM channels WHERE merchant_id = $1 ORDER BY platform");
        command.Parameters.AddWithValue(merchantId);
        var channels = new List<ChannelView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            channels.Add(Read(reader));
        }

        return channels;
    }

    private static async Task<Results<Ok<ChannelView>, ValidationProblem, ProblemHttpResult>> ConnectAsync(
        string platform, string accountField, string? accountId, string? accessToken, Guid merchantId,
        NpgsqlDataSource db, SecretProtector protector, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var account = errors.Text(accountField, accountId, 64);
        if (account.Any(char.IsWhiteSpace))
        {
            errors.Add(accountField, "must not contain spaces.");
        }

        var token = errors.Text("accessToken", accessToken, 4096, min: 8);
        if (token.Any(char.IsWhiteSpace))
        {
            errors.Add("accessToken", "must not contain spaces.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var sealedToken = protector.Seal(token, AssociatedData(merchantId, platform));
        await using var command = db.CreateCommand($"""
            INSERT INTO channels (merchant_id, platform, account_id, token_ciphertext, token_key_id, token_last4)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (merchant_id, platform) DO UPDATE SET
                account_id = excluded.account_id, token_ciphertext = excluded.token_ciphertext,
                token_key_id = excluded.token_key_id, token_last4 = excluded.token_last4,
                status = 'connected', status_reason = NULL, status_changed_at = now(), updated_at = now()
            RETURNING {ViewColumns}
            """);
        command.Parameters.AddWithValue(merchantId);
        command.Parameters.AddWithValue(platform);
        command.Parameters.AddWithValue(account);
        command.Parameters.AddWithValue(sealedToken.Ciphertext);
        command.Parameters.AddWithValue(sealedToken.KeyId);
        command.Parameters.AddWithValue(token[^4..]);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return TypedResults.Ok(Read(reader));
        }
        catch (PostgresException e) when (e.IsUniqueViolation("uq_channels_platform_account"))
        {
            return MerchantApiProblems.Conflict($"This {platform} account id is already connected to another merchant.");
        }
    }

    private static ChannelView Read(NpgsqlDataReader reader)
    {
        var status = reader.GetString(1);
        return new ChannelView(
            reader.GetString(0), status == "connected", status, reader.GetString(2), reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5));
    }
}
