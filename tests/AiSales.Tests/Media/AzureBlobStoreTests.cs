using AiSales.Api.Media;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace AiSales.Tests.Media;

/// <summary>The Azure Blob Storage backend of the blob store (docs/media.md) against Azurite, a local process.</summary>
public sealed class AzureBlobStoreTests
{
    [AzuriteFact]
    public async Task AFileIsStoredReadBackAndDeletedInAPrivateContainer()
    {
        await using var azurite = await Azurite.StartAsync(TimeSpan.FromSeconds(120));
        var options = Options.Create(new MediaOptions { AzureBlobConnectionString = azurite.ConnectionString, AzureBlobContainer = "media-test" });
        var store = new AzureBlobStore(options);
        var key = BlobKeys.For(Guid.NewGuid(), Guid.NewGuid());
        byte[] bytes = [0xFF, 0xD8, 0xFF, 0xE0, 0x01, 0x02];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await store.PutAsync(key, new MemoryStream(bytes), "image/jpeg", timeout.Token);
        await using var read = await store.OpenReadAsync(key, timeout.Token);
        using var copy = new MemoryStream();
        await read!.CopyToAsync(copy, timeout.Token);
        var container = new BlobContainerClient(azurite.ConnectionString, "media-test");
        var properties = await container.GetBlobClient(key).GetPropertiesAsync(cancellationToken: timeout.Token);
        var access = (await container.GetPropertiesAsync(cancellationToken: timeout.Token)).Value.PublicAccess;
        await store.DeleteAsync(key, timeout.Token);
        await store.DeleteAsync(key, timeout.Token); // a second deletion is not an error

        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal("image/jpeg", properties.Value.ContentType);
        Assert.True(access is null or Azure.Storage.Blobs.Models.PublicAccessType.None, $"public access: {access}");
        Assert.Null(await store.OpenReadAsync(key, timeout.Token));
        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync("../etc/passwd", new MemoryStream(), "text/plain", timeout.Token));
    }
}
