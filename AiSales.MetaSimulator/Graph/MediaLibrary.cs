using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;

namespace AiSales.MetaSimulator.Graph;

/// <summary>A customer's file held by the simulated Meta: who may fetch it (the account's token) and a URL signature.</summary>
public sealed record SimulatedMedia(string Id, string AccountId, byte[] Bytes, string MimeType, string Signature)
{
    public string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Bytes));
}

/// <summary>The files the simulated customers sent, served by <see cref="GraphMediaApi"/> like Meta serves them.</summary>
public sealed class MediaLibrary
{
    private readonly ConcurrentDictionary<string, SimulatedMedia> _files = new(StringComparer.Ordinal);

    public SimulatedMedia Add(string accountId, byte[] bytes, string mimeType)
    {
        var id = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture)
            + RandomNumberGenerator.GetInt32(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
        var media = new SimulatedMedia(id, accountId, bytes, mimeType, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        _files[id] = media;
        return media;
    }

    public SimulatedMedia? Find(string id) => _files.GetValueOrDefault(id);
}
