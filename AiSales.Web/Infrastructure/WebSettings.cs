using AiSales.Core.Configuration;

namespace AiSales.Web.Infrastructure;

/// <summary>
/// What the console refuses to start without: the merchant API's base URL (Api__BaseUrl; the AppHost passes
/// <c>http://api</c>, resolved by service discovery) and the database that keeps the Data Protection key ring.
/// </summary>
public static class WebSettings
{
    public const string ApiBaseUrl = "Api:BaseUrl";

    public static readonly SettingRule[] Rules =
    [
        SettingRule.Required(ApiBaseUrl),
        SettingRule.OptionalAbsoluteUri(ApiBaseUrl),
        SettingRule.ConnectionString("aisalesdb"),
        SettingRule.OptionalAbsoluteUri("Sentry:Dsn"),
    ];
}
