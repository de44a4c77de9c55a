namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>The shop-policy question behind <see cref="Act.StoreQuestion"/>: answered from the merchant's settings, not the catalogue.</summary>
public enum StoreTopic
{
    Delivery,
    Returns,
    Payment,
    Hours,
    Location,
}
