using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace AiSales.Core.Configuration;

/// <summary>One start-up rule for a setting: returns a problem with its value, or null when it is fine.</summary>
public sealed record SettingRule(string Key, Func<string?, IHostEnvironment, string?> Check)
{
    /// <summary>The key as an environment variable, the form operators set (contract section 3).</summary>
    public string EnvironmentName => Key.Replace(":", "__", StringComparison.Ordinal);

    public static SettingRule Required(string key) =>
        new(key, (value, _) => string.IsNullOrWhiteSpace(value) ? "is missing" : null);

    /// <summary>A PostgreSQL connection string that is there and parses ("Host=…;Database=…"), checked before anything connects.</summary>
    public static SettingRule PostgresConnectionString(string name) =>
        new($"ConnectionStrings:{name}", (value, environment) =>
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return "is missing";
            }

            try
            {
                _ = new NpgsqlConnectionStringBuilder(value);
                return null;
            }
            catch (ArgumentException)
            {
                // The exception's message may quote the value, a password included: never written out.
                return "is not a PostgreSQL connection string (Host=…;Database=…;Username=…;Password=…)";
            }
        });

    public static SettingRule OptionalAbsoluteUri(string key) =>
        new(key, (value, environment) => string.IsNullOrWhiteSpace(value) || Uri.TryCreate(value, UriKind.Absolute, out _)
            ? null
            : "is not an absolute URL");

    public static SettingRule OneOf(string key, params string[] allowed) =>
        new(key, (value, _) => string.IsNullOrWhiteSpace(value) || allowed.Contains(value, StringComparer.OrdinalIgnoreCase)
            ? null
            : $"must be one of {string.Join(", ", allowed)}");

    /// <summary>An optional whole number between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public static SettingRule OptionalInteger(string key, int min, int max) =>
        new(key, (value, _) => string.IsNullOrWhiteSpace(value) || int.TryParse(value, out var n) && n >= min && n <= max
            ? null
            : $"must be a whole number from {min} to {max}");

    /// <summary>A 32-byte key as 64 hex characters; required outside Development.</summary>
    public static SettingRule HexKey32(string key) =>
        new(key, (value, environment) =>
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return environment.IsDevelopment() ? null : "is missing (64 hex characters, 32 bytes)";
            }

            return value.Length == 64 && value.All(Uri.IsHexDigit) ? null : "must be 64 hex characters (32 bytes)";
        });
}

public static class RequiredSettings
{
    /// <summary>
    /// Checks the rules before the host is built. Each problem is written to standard error as one line
    /// naming the setting (never its value); the caller then exits non-zero.
    /// </summary>
    public static bool HasValidSettings(this IHostApplicationBuilder builder, params SettingRule[] rules)
    {
        var problems = rules
            .Select(rule => (rule, problem: rule.Check(builder.Configuration[rule.Key], builder.Environment)))
            .Where(x => x.problem is not null)
            .ToList();

        foreach (var (rule, problem) in problems)
        {
            Console.Error.WriteLine($"{builder.Environment.ApplicationName} cannot start: setting {rule.EnvironmentName} {problem}.");
        }

        return problems.Count == 0;
    }
}
