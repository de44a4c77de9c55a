using AiSales.Core.Configuration;

namespace AiSales.Api.Infrastructure;

/// <summary>The settings the API refuses to start without (contract section 3).</summary>
public static class ApiSettings
{
    public static readonly SettingRule[] Rules =
    [
        SettingRule.PostgresConnectionString(DataExtensions.DatabaseName),
        SettingRule.Required("Meta:AppSecret"),
        SettingRule.Required("Meta:VerifyToken"),
        SettingRule.Required("Admin:ApiKey"),
        SettingRule.HexKey32("ENCRYPTION_KEY_HEX"),
        SettingRule.OptionalAbsoluteUri("Meta:GraphApiBaseUrl"),
        SettingRule.OptionalAbsoluteUri("Sentry:Dsn"),
        SettingRule.OptionalAbsoluteUri("Console:BaseUrl"),
    ];
}
