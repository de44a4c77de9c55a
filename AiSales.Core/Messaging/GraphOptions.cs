namespace AiSales.Core.Messaging;

/// <summary>Where the Graph API lives, for every service that calls it (contract section 3: Meta__GraphApiBaseUrl, Meta__GraphApiVersion).</summary>
public sealed class GraphOptions
{
    public const string Section = "Meta";

    public string GraphApiBaseUrl { get; set; } = "https://graph.facebook.com";

    public string GraphApiVersion { get; set; } = "v21.0";
}
