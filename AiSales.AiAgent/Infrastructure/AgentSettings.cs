using AiSales.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace AiSales.AiAgent.Infrastructure;

/// <summary>The settings the agent refuses to start without (contract section 3).</summary>
public static class AgentSettings
{
    public static readonly SettingRule[] Rules =
    [
        SettingRule.PostgresConnectionString(DataExtensions.DatabaseName),
        // The agent decrypts channel tokens at send time.
        SettingRule.HexKey32("ENCRYPTION_KEY_HEX"),
        SettingRule.OptionalAbsoluteUri("Meta:GraphApiBaseUrl"),
        SettingRule.OneOf("AI:Provider", "offline", "openai", "azure-openai", "hybrid"),
        SettingRule.OptionalAbsoluteUri("AI:Endpoint"),
        SettingRule.OptionalInteger("AI:TimeoutSeconds", 1, 3600),
        SettingRule.OptionalInteger("AI:MaxToolRounds", 1, 20),
        SettingRule.OptionalInteger("AI:MaxMessagesPerTurn", 1, 100),
        SettingRule.OptionalInteger("AI:MaxTurnAttempts", 1, 10),
        SettingRule.OptionalAbsoluteUri("Sentry:Dsn"),
    ];

    /// <summary>
    /// What the chosen LLM provider needs: a misconfigured provider stops start-up with one line per key. OpenAI's own
    /// service needs a key; an OpenAI-compatible server of one's own (AI__Endpoint: Ollama, vLLM, LM Studio) may not.
    /// </summary>
    public static SettingRule[] ProviderRules(IConfiguration configuration) => configuration["AI:Provider"]?.ToLowerInvariant() switch
    {
        "openai" or "hybrid" when !string.IsNullOrWhiteSpace(configuration["AI:Endpoint"]) => [SettingRule.Required("AI:Model")],
        "openai" or "hybrid" => [SettingRule.Required("AI:Model"), SettingRule.Required("AI:ApiKey")],
        "azure-openai" => [SettingRule.Required("AI:Model"), SettingRule.Required("AI:Endpoint"), SettingRule.Required("AI:ApiKey")],
        _ => [],
    };
}
