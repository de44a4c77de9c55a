using AiSales.AppHost.Deployment;

namespace AiSales.AppHost.LocalInfrastructure;

/// <summary>The data stores the services use, whichever way they are run.</summary>
public sealed record DataStores(
    IResourceBuilder<IResource> Postgres,
    IResourceBuilder<IResourceWithConnectionString> Database,
    IResourceBuilder<IResourceWithConnectionString> Redis);

public static class DataStoresExtensions
{
    public const string PostgresName = "postgres";
    public const string DatabaseName = "aisalesdb";
    public const string RedisName = "redis";

    public static DataStores AddDataStores(this IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsPublishMode && DeployedDataStores.AreExternal(builder.Configuration))
        {
            return builder.AddExternalDataStores();
        }

        if (InfrastructureModes.Resolve(builder) == InfrastructureMode.Containers)
        {
            var postgres = builder.AddPostgres(PostgresName).WithDataVolume();
            var database = postgres.AddDatabase(DatabaseName);
            var redis = builder.AddRedis(RedisName).WithDataVolume();
            return new DataStores(postgres, database, redis);
        }

        var localPostgres = builder.AddLocalPostgres(PostgresName);
        var localDatabase = localPostgres.AddLocalDatabase(DatabaseName);
        var localRedis = builder.AddLocalRedis(RedisName);
        return new DataStores(localPostgres, localDatabase, localRedis);
    }
}
