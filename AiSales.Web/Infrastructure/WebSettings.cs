using AiSales.Core.Configuration;

namespace AiSales.Web.Infrastructure;

/// <summary>
/// What the console refuses to start without: the merchant API's base URL (Api__BaseUrl; the AppHost passes
/// <c>http://api</c>, resolved by service discovery) and the database that keeps the Data Protection key ring.
/// </summary>
public static class WebSettings
{
    public const string ApiBaseUrl = "Api:BaseUrl";

    /// <summary>Where service discovery looks for the API: Aspire's services__api__{scheme}__{n} settings.</summary>
    private const string ApiServiceSection = "services:api";

    public static readonly SettingRule[] Rules =
    [
        SettingRule.Required(ApiBaseUrl),
        SettingRule.OptionalAbsoluteUri(ApiBaseUrl),
        SettingRule.PostgresConnectionString("aisalesdb"),
        SettingRule.OptionalAbsoluteUri("Sentry:Dsn"),
    ];

    /// <summary>
    /// Without Api__BaseUrl, the API's service-discovery settings (what Aspire's WithReference gives, e.g.
    /// services__api__http__0) are enough: the console then calls <c>https+http://api</c>, https preferred.
    /// </summary>
    public static void UseServiceDiscoveryForApi(IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration[ApiBaseUrl]) && configuration.GetSection(ApiServiceSection).Exists())
        {
            configuration[ApiBaseUrl] = "https+http://api";
        }
    }
}
