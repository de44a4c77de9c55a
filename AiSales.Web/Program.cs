using AiSales.Core.Configuration;
using AiSales.Web.Account;
using AiSales.Web.Components;
using AiSales.Web.Inbox;
using AiSales.Web.Infrastructure;
using AiSales.Web.Orders;

var builder = ServiceHost.CreateBuilder(args);
WebSettings.UseServiceDiscoveryForApi(builder.Configuration);
if (!builder.HasValidSettings(WebSettings.Rules))
{
    return 2;
}

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseConsolePipeline();
app.MapDefaultEndpoints();
app.MapAccountEndpoints();
app.MapOrdersExport();
app.MapMedia();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();
return 0;
