using Microsoft.AspNetCore.Http.HttpResults;

namespace AiSales.Api.Channels;

/// <summary>Operator route: re-encrypt every channel token under the current ENCRYPTION_KEY_HEX (see docs/merchant-api.md).</summary>
public static class EncryptionAdminApi
{
    public static RouteGroupBuilder MapEncryptionAdminApi(this RouteGroupBuilder admin)
    {
        admin.MapPost("/encryption/rotate", async Task<Ok<RotationReport>> (ChannelTokenRotation rotation, CancellationToken cancellationToken) =>
                TypedResults.Ok(await rotation.RotateAsync(cancellationToken)))
            .WithSummary("Re-encrypt every channel token not under the current key; reports counts and failures.");
        return admin;
    }
}
