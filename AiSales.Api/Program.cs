using AiSales.Api.People;
using AiSales.Api.Infrastructure;
using AiSales.Core.Configuration;

var builder = ServiceHost.CreateBuilder(args);
if (!builder.HasValidSettings(ApiSettings.Rules))
{
    return 2;
}

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseAiSalesErrorHandling();
app.MapDefaultEndpoints();
app.UseMerchantApiSecurity();
app.MapApiDocumentation();
app.MapAdminApi();
app.MapMerchantApi();
app.MapSignInApi();
app.MapWebhooksApi();

app.Run();
return 0;
