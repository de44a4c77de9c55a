using System.Security.Claims;
using AiSales.Api.Security;
using AiSales.Core.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace AiSales.Api.Channels;

/// <summary><c>wabaId</c> (templates are listed from it) and <c>catalogId</c> (product messages) are optional Meta ids.</summary>
public sealed record WhatsAppChannelRequest(string? PhoneNumberId, string? AccessToken, string? WabaId = null, string? CatalogId = null);

public sealed record InstagramChannelRequest(string? AccountId, string? AccessToken);

/// <summary>What a merchant sees of a channel: never the token, only its last four characters.</summary>
public sealed record ChannelView(
    string Platform, bool Connected, string Status, string AccountId, string TokenLast4, string? StatusReason, DateTimeOffset StatusChangedAt,
    string? WabaId = null, string? CatalogId = null);

/// <summary>The channel routes; connecting (ownership check, sealing, storing) is <see cref="ChannelConnector"/>'s job.</summary>
public static class ChannelsApi
{
    public const string ViewColumns = "platform, status, account_id, token_last4, status_reason, status_changed_at, waba_id, catalog_id";

    public static RouteGroupBuilder MapChannelsApi(this RouteGroupBuilder api)
    {
        var channels = api.MapGroup("/merchant/channels").WithTags("Channels");
        channels.MapGet("/", async Task<Ok<List<ChannelView>>> (ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct) =>
                TypedResults.Ok(await ListAsync(db, user.MerchantId(), ct)))
            .WithSummary("This merchant's channels.");
        channels.MapPut("/whatsapp", (WhatsAppChannelRequest request, ClaimsPrincipal user, ChannelConnector connector, CancellationToken ct) =>
            connector.ConnectAsync(Platforms.WhatsApp, "phoneNumberId", request.PhoneNumberId, request.AccessToken, user.MerchantId(), ct,
                new WhatsAppBusinessIds(request.WabaId, request.CatalogId)))
            .WithSummary("Connect (or reconnect) the WhatsApp Business phone number id and its access token, once Meta confirms the token owns it; " +
                "optionally the WhatsApp Business Account id (templates) and Meta catalogue id (product messages).")
            .RequireAuthorization(MerchantApiExtensions.OwnerPolicy);
        channels.MapPut("/instagram", (InstagramChannelRequest request, ClaimsPrincipal user, ChannelConnector connector, CancellationToken ct) =>
            connector.ConnectAsync(Platforms.Instagram, "accountId", request.AccountId, request.AccessToken, user.MerchantId(), ct))
            .WithSummary("Connect (or reconnect) the Instagram professional account id and its access token, once Meta confirms the token owns it.")
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

    public static ChannelView Read(NpgsqlDataReader reader)
    {
        var status = reader.GetString(1);
        return new ChannelView(
            reader.GetString(0), status == "connected", status, reader.GetString(2), reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5),
            reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7));
    }
}
