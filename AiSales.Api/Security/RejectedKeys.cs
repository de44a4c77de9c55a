using Microsoft.Extensions.Caching.Memory;

namespace AiSales.Api.Security;

/// <summary>
/// A small negative cache of API keys the database just refused (unknown key id, wrong secret, revoked key):
/// a client retrying a made-up or stale key is answered 401 without a database round trip until the entry expires.
/// Keyed by key id and the hash of the secret presented, so a wrong secret sent for a real key id never locks the real
/// key out. Bounded: past <see cref="Capacity"/> entries new ones are not remembered (they still cost one lookup each).
/// Keys of a disabled merchant are never remembered: the merchant may be enabled again at any moment.
/// </summary>
public sealed class RejectedKeys : IDisposable
{
    public const int Capacity = 10_000;
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public bool Contains(Guid keyId, byte[] secretHash) => _cache.TryGetValue(Key(keyId, secretHash), out _);

    public void Add(Guid keyId, byte[] secretHash) =>
        _cache.Set(Key(keyId, secretHash), true, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });

    public void Dispose() => _cache.Dispose();

    private static string Key(Guid keyId, byte[] secretHash) => $"{keyId:N}:{Convert.ToHexString(secretHash)}";
}
