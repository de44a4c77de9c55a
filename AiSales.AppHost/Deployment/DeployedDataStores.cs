using AiSales.AppHost.LocalInfrastructure;
using Microsoft.Extensions.Configuration;

namespace AiSales.AppHost.Deployment;

/// <summary>
/// Deployment:DataStores = trial (default) | external, read when the manifest is written. trial deploys PostgreSQL
/// and Redis as containers with data volumes (no managed backup, restore or high availability: for trying it out).
/// external deploys neither: the operator supplies a managed PostgreSQL 15+ (with pg_trgm) and a managed Redis as two
/// secret connection-string parameters, and TLS with certificate checks is on unless their strings say otherwise.
/// </summary>
public static class DeployedDataStores
{
    public const string SettingKey = "Deployment:DataStores";
    public const string PostgresParameter = "postgres-connection-string";
    public const string RedisParameter = "redis-connection-string";

    public static bool AreExternal(IConfiguration configuration)
    {
        var setting = configuration[SettingKey]?.Trim().ToLowerInvariant();
        return setting switch
        {
            null or "" or "trial" => false,
            "external" => true,
            _ => throw new DistributedApplicationException(
                $"Setting Deployment__DataStores is '{setting}': use trial or external."),
        };
    }

    public static DataStores AddExternalDataStores(this IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddParameter(PostgresParameter, secret: true);
        var redis = builder.AddParameter(RedisParameter, secret: true);

        // The defaults come first so that the operator's own keys, later in the string, win (Npgsql and
        // StackExchange.Redis both keep the last value of a repeated key): verify-full checks the server's certificate
        // chain against the image's CA store and its host name.
        var database = builder.AddConnectionString(
            DataStoresExtensions.DatabaseName,
            ReferenceExpression.Create($"SSL Mode=VerifyFull;{postgres}"));
        var cache = builder.AddConnectionString(
            DataStoresExtensions.RedisName,
            ReferenceExpression.Create($"ssl=true,{redis}"));
        return new DataStores(database, database, cache);
    }
}
