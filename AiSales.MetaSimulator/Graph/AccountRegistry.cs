using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;

namespace AiSales.MetaSimulator.Graph;

public enum Platform
{
    WhatsApp,
    Instagram,
}

/// <summary>A business account the simulated Graph API knows: its id, the token that may send for it, and a display name.</summary>
public sealed record SimulatedAccount(Platform Platform, string AccountId, string AccessToken, string DisplayName);

/// <summary>The accounts the simulated Graph API accepts; the demo seeder registers the demo shop's, tests may add more.</summary>
public sealed class AccountRegistry
{
    private readonly ConcurrentDictionary<string, SimulatedAccount> _accounts = new(StringComparer.Ordinal);

    public void Register(SimulatedAccount account) => _accounts[account.AccountId] = account;

    public SimulatedAccount? Find(string accountId) => _accounts.GetValueOrDefault(accountId);

    /// <summary>The account of this platform the token was issued for, compared in constant time (Graph's <c>/me</c>).</summary>
    public SimulatedAccount? FindByToken(Platform platform, string token) =>
        _accounts.Values.FirstOrDefault(a => a.Platform == platform && GraphApi.FixedTimeEquals(a.AccessToken, token));

    /// <summary>The account the customer pages of a platform write to: the first one registered for it.</summary>
    public SimulatedAccount? Demo(Platform platform) =>
        _accounts.Values.Where(a => a.Platform == platform).OrderBy(a => a.DisplayName != DemoDisplayName).FirstOrDefault();

    public IReadOnlyCollection<SimulatedAccount> All => _accounts.Values.ToList();

    public const string DemoDisplayName = "AiSales Demo Shop";
}
