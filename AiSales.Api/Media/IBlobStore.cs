namespace AiSales.Api.Media;

/// <summary>
/// Where customers' files are kept (never in PostgreSQL): local files when run locally (<see cref="FileBlobStore"/>),
/// Azure Blob Storage when a connection string is set (<see cref="AzureBlobStore"/>). Keys are ours
/// ("{merchantId}/{mediaId}"), never a customer's file name.
/// </summary>
public interface IBlobStore
{
    /// <summary>Stores the bytes under the key, replacing any earlier copy (a retried fetch writes the same file).</summary>
    Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>The stored bytes, or null when nothing is stored under the key.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes the file under the key; nothing stored there is not an error (a retried deletion).</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
