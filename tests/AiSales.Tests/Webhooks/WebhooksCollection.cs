namespace AiSales.Tests.Webhooks;

/// <summary>The webhook tests share one AppHost, separate from the other areas' collections so they run in parallel.</summary>
[CollectionDefinition(Name)]
public sealed class WebhooksCollection : ICollectionFixture<AppHostFixture>
{
    public const string Name = "Webhooks";
}
