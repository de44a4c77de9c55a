using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text.Json;

namespace AiSales.Tests.Images;

/// <summary>
/// An OCI image archive as `dotnet publish -t:PublishContainer -p:ContainerArchiveOutputPath=…` writes it: index.json,
/// one image manifest, its config and its layers, every blob named by its sha256. Opening it checks every digest.
/// </summary>
public sealed class OciArchive
{
    private OciArchive(JsonElement index, JsonElement manifest, JsonElement config, IReadOnlyList<byte[]> layers)
    {
        Index = index;
        Manifest = manifest;
        Config = config;
        Layers = layers;
    }

    public JsonElement Index { get; }

    public JsonElement Manifest { get; }

    /// <summary>The image configuration's "config" object (User, Entrypoint, Env, WorkingDir).</summary>
    public JsonElement Config { get; }

    /// <summary>The layers' bytes, base first (gzip'd tar).</summary>
    public IReadOnlyList<byte[]> Layers { get; }

    public static async Task<OciArchive> OpenAsync(string path)
    {
        var entries = new Dictionary<string, byte[]>();
        await using (var file = File.OpenRead(path))
        await using (var tar = new TarReader(file))
        {
            while (await tar.GetNextEntryAsync() is { } entry)
            {
                if (entry.DataStream is null)
                {
                    continue;
                }

                using var buffer = new MemoryStream();
                await entry.DataStream.CopyToAsync(buffer);
                entries[entry.Name.TrimStart('.', '/')] = buffer.ToArray();
            }
        }

        Assert.True(entries.ContainsKey("oci-layout"), "no oci-layout file");
        var index = JsonDocument.Parse(entries["index.json"]).RootElement;
        var manifests = index.GetProperty("manifests").EnumerateArray().ToList();
        Assert.Single(manifests);
        var manifest = JsonDocument.Parse(Blob(entries, manifests[0])).RootElement;
        var config = JsonDocument.Parse(Blob(entries, manifest.GetProperty("config"))).RootElement;
        var layers = manifest.GetProperty("layers").EnumerateArray().Select(layer => Blob(entries, layer)).ToList();
        Assert.Equal("linux", config.GetProperty("os").GetString());
        Assert.Equal(layers.Count, config.GetProperty("rootfs").GetProperty("diff_ids").GetArrayLength());
        return new OciArchive(index, manifest, config.GetProperty("config"), layers);
    }

    /// <summary>The blob a descriptor points at, after checking its size and sha256.</summary>
    private static byte[] Blob(Dictionary<string, byte[]> entries, JsonElement descriptor)
    {
        var digest = descriptor.GetProperty("digest").GetString()!;
        Assert.StartsWith("sha256:", digest);
        var name = "blobs/sha256/" + digest["sha256:".Length..];
        Assert.True(entries.TryGetValue(name, out var blob), $"{name} is missing from the archive");
        Assert.Equal(descriptor.GetProperty("size").GetInt64(), blob.LongLength);
        Assert.Equal(digest["sha256:".Length..], Convert.ToHexStringLower(SHA256.HashData(blob)));
        return blob;
    }
}
