using AiSales.AiAgent.Infrastructure;
using AiSales.Core.Configuration;

// The sales agent worker. It serves HTTP only for /health and /alive.
var builder = ServiceHost.CreateBuilder(args);
if (!builder.HasValidSettings([.. AgentSettings.Rules, .. AgentSettings.ProviderRules(builder.Configuration)]))
{
    return 2;
}

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
return 0;
