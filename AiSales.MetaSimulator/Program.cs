using AiSales.MetaSimulator;

var builder = ServiceHost.CreateBuilder(args);
if (string.IsNullOrWhiteSpace(builder.Configuration["Meta:AppSecret"]))
{
    Console.Error.WriteLine("AiSales.MetaSimulator cannot start: setting Meta__AppSecret is missing.");
    return 2;
}

builder.AddServiceDefaults();
builder.AddSimulatorServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapDefaultEndpoints();
app.MapGraphApi();
app.MapGraphLookupApi();
app.MapGraphMediaApi();
app.MapGraphTemplatesApi();
app.MapChatApi();
app.MapControlApi();

app.Run();
return 0;
