using Microsoft.Extensions.Options;

namespace AiSales.Api.Media;

/// <summary>
/// Files under <c>Media__Directory</c> (default: aisales-media in the system's temp folder). Written to a temporary
/// file first and moved into place, so a reader never sees half a file and a crash leaves no partial one behind.
/// </summary>
public sealed class FileBlobStore(IOptions<MediaOptions> options) : IBlobStore
{
    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.part";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Stream? stream = File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : null;
        return Task.FromResult(stream);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key)); // no error when the file is not there
        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        if (!BlobKeys.IsValid(key))
        {
            throw new ArgumentException("Not a media blob key.", nameof(key));
        }

        return Path.Combine(options.Value.ResolvedDirectory, key.Replace('/', Path.DirectorySeparatorChar));
    }
}
