using AiSales.Api.Security;

namespace AiSales.UnitTests.MerchantApi;

public sealed class RejectedKeysTests
{
    [Fact]
    public void ARefusedKeyIsRememberedButTheSameIdWithAnotherSecretIsNot()
    {
        using var rejected = new RejectedKeys();
        var keyId = Guid.NewGuid();
        var wrong = ApiKeys.HashSecret("made-up-secret");
        var real = ApiKeys.HashSecret("the-real-secret");

        rejected.Add(keyId, wrong);

        Assert.True(rejected.Contains(keyId, wrong));
        Assert.False(rejected.Contains(keyId, real));
        Assert.False(rejected.Contains(Guid.NewGuid(), wrong));
    }

    [Fact]
    public void PastItsCapacityTheCacheStopsGrowing()
    {
        using var rejected = new RejectedKeys();
        var keys = Enumerable.Range(0, RejectedKeys.Capacity + 500).Select(_ => (Guid.NewGuid(), ApiKeys.HashSecret("x"))).ToList();

        foreach (var (id, hash) in keys)
        {
            rejected.Add(id, hash);
        }

        var remembered = keys.Count(k => rejected.Contains(k.Item1, k.Item2));
        Assert.InRange(remembered, 1, RejectedKeys.Capacity);
    }
}
