using AiSales.AppHost.Deployment;
using AiSales.AppHost.LocalInfrastructure;

var builder = DistributedApplication.CreateBuilder(args);

// Secrets: parameters, never values in the manifest. Local development values live in appsettings.Development.json.
var metaAppSecret = builder.AddParameter("meta-app-secret", secret: true);
var metaVerifyToken = builder.AddParameter("meta-verify-token", secret: true);
var encryptionKey = builder.AddParameter("encryption-key", secret: true);
var adminApiKey = builder.AddParameter("admin-api-key", secret: true);

// PostgreSQL and Redis: containers when a container engine answers, otherwise local executables
// (Infrastructure:Mode = containers | executables | auto). Deployed: containers with volumes for a trial, or the
// operator's managed servers as connection-string parameters (Deployment:DataStores = trial | external).
var stores = builder.AddDataStores();

var migrations = builder.AddProject<Projects.AiSales_MigrationService>("migrations")
    .WithReference(stores.Database)
    .WaitFor(stores.Postgres)
    .WithSentry()
    .PublishAsContainerAppsJob(stores.Database);

var api = builder.AddProject<Projects.AiSales_Api>("api")
    .WithReference(stores.Database)
    .WithReference(stores.Redis)
    .WaitFor(stores.Postgres)
    .WaitFor(stores.Redis)
    .WaitForCompletion(migrations)
    .WithEnvironment("Meta__AppSecret", metaAppSecret)
    .WithEnvironment("Meta__VerifyToken", metaVerifyToken)
    .WithEnvironment("ENCRYPTION_KEY_HEX", encryptionKey)
    .WithEnvironment("Admin__ApiKey", adminApiKey)
    .WithSettingWhenSet(builder.Configuration, "Meta:GraphApiBaseUrl")
    .WithSettingWhenSet(builder.Configuration, "Meta:GraphApiVersion")
    .WithSettingWhenSet(builder.Configuration, "Media:Directory")
    .WithSecretSettingWhenSet(builder, "Media:AzureBlobConnectionString", "media-blob-connection-string")
    .WithSentry()
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints()
    .WithReplicasFrom(builder.Configuration, "Replicas:Api");

var agent = builder.AddProject<Projects.AiSales_AiAgent>("ai-agent")
    .WithReference(stores.Database)
    .WithReference(stores.Redis)
    .WaitFor(stores.Postgres)
    .WaitFor(stores.Redis)
    .WaitForCompletion(migrations)
    .WithEnvironment("ENCRYPTION_KEY_HEX", encryptionKey)
    .WithSettingWhenSet(builder.Configuration, "Meta:GraphApiBaseUrl")
    .WithSettingWhenSet(builder.Configuration, "Meta:GraphApiVersion")
    .WithSettingWhenSet(builder.Configuration, "Intake:DebounceMilliseconds")
    .WithSettingWhenSet(builder.Configuration, "AI:Provider")
    .WithSettingWhenSet(builder.Configuration, "AI:Model")
    .WithSettingWhenSet(builder.Configuration, "AI:Endpoint")
    .WithSettingWhenSet(builder.Configuration, "AI:TimeoutSeconds")
    .WithSecretSettingWhenSet(builder, "AI:ApiKey", "ai-api-key")
    .WithSentry()
    .WithHttpHealthCheck("/health")
    .WithReplicasFrom(builder.Configuration, "Replicas:AiAgent");

// The merchant console: a client of the API over service discovery; the API's invite links point back at it.
var web = builder.AddProject<Projects.AiSales_Web>("web")
    .WithReference(stores.Database)
    .WithReference(stores.Redis) // for /health's Redis state only (contract §8); the console itself never needs Redis
    .WithReference(api)
    .WaitFor(api)
    .WithEnvironment("Api__BaseUrl", "http://api")
    .WithSentry()
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints();
api.WithEnvironment("Console__BaseUrl", web.GetEndpoint("http"));

// Local runs only: a simulated Meta (Graph API + customers) so the product can be tried in a browser.
builder.AddMetaSimulator(api, agent, metaAppSecret, adminApiKey, web);

builder.Build().Run();
