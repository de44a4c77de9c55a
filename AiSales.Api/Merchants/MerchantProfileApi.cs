using AiSales.Api.Channels;
using AiSales.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using System.Security.Claims;

namespace AiSales.Api.Merchants;

public sealed record MerchantProfile(Guid Id, string Name, string Status, DateTimeOffset CreatedAt, IReadOnlyList<ChannelView> Channels);

public static class MerchantProfileApi
{
    public static RouteGroupBuilder MapMerchantProfileApi(this RouteGroupBuilder api)
    {
        api.MapGet("/merchant", GetProfileAsync)
            .WithTags("Merchant")
            .WithSummary("The authenticated merchant's profile and channels (never a token).");
        return api;
    }

    private static async Task<Ok<MerchantProfile>> GetProfileAsync(ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        var merchantId = user.MerchantId();
        Guid id;
        string name, status;
        DateTimeOffset createdAt;
        // Disposed once, here (Npgsql reuses a connection's reader: a second dispose later could close another request's).
        await using (var command = db.CreateCommand("SELECT id, name, status, created_at FROM merchants WHERE id = $1"))
        {
            command.Parameters.AddWithValue(merchantId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            (id, name, status, createdAt) = (reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3));
        }

        var channels = await ChannelsApi.ListAsync(db, merchantId, cancellationToken);
        return TypedResults.Ok(new MerchantProfile(id, name, status, createdAt, channels));
    }
}
