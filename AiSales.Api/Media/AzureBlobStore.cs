using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;

namespace AiSales.Api.Media;

/// <summary>
/// Azure Blob Storage, used when <c>Media__AzureBlobConnectionString</c> is set: one private container
/// (<c>Media__AzureBlobContainer</c>, default "media"), created on first use, one blob per file.
/// </summary>
public sealed class AzureBlobStore : IBlobStore
{
    private readonly BlobContainerClient _container;
    private readonly Lazy<Task> _created;

    public AzureBlobStore(IOptions<MediaOptions> options)
    {
        var settings = options.Value;
        _container = new BlobContainerClient(settings.AzureBlobConnectionString, settings.AzureBlobContainer);
        _created = new Lazy<Task>(() => _container.CreateIfNotExistsAsync(PublicAccessType.None));
    }

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        await _created.Value;
        var blob = _container.GetBlobClient(Checked(key));
        await blob.UploadAsync(content, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, cancellationToken);
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var download = await _container.GetBlobClient(Checked(key)).DownloadStreamingAsync(cancellationToken: cancellationToken);
            return download.Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        await _created.Value;
        await _container.GetBlobClient(Checked(key)).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
    }

    private static string Checked(string key) =>
        BlobKeys.IsValid(key) ? key : throw new ArgumentException("Not a media blob key.", nameof(key));
}
