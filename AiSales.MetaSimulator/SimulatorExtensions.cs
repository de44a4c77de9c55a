using AiSales.MetaSimulator.Customers;
using AiSales.MetaSimulator.Demo;
using AiSales.MetaSimulator.Graph;

namespace AiSales.MetaSimulator;

public sealed class SimulatorOptions
{
    public string ApiBaseUrl { get; set; } = "http://api";

    /// <summary>Delay between the Graph answer and each status webhook (sent, delivered, read).</summary>
    public int StatusDelayMilliseconds { get; set; } = 250;

    public string? DashboardUrl { get; set; }

    public string? ApiReferenceUrl { get; set; }

    /// <summary>Create the demo merchant, channels and catalogue through the real APIs on start.</summary>
    public bool SeedDemo { get; set; } = true;

    /// <summary>The merchant console (resource web), linked from the home page.</summary>
    public string? ConsoleUrl { get; set; }

    /// <summary>The demo shop's owner in the console: a local demo's sign-in, shown on the home page on purpose.</summary>
    public string DemoOwnerEmail { get; set; } = "owner@demo-shop.example";

    public string DemoOwnerPassword { get; set; } = "demo-shop-password";
}

public static class SimulatorExtensions
{
    public static IHostApplicationBuilder AddSimulatorServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SimulatorOptions>().BindConfiguration("Simulator");
        builder.Services.AddSingleton<AccountRegistry>();
        builder.Services.AddSingleton<FaultSwitches>();
        builder.Services.AddSingleton<GraphRequestLog>();
        builder.Services.AddSingleton<MediaLibrary>();
        _ = DemoImage.Png; // drawn at start-up, not in the first customer's request
        builder.Services.AddSingleton<ChatStore>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new WebhookSigner(builder.Configuration["Meta:AppSecret"]!));
        builder.Services.AddHttpClient<ApiClient>((sp, http) =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SimulatorOptions>>().Value;
            http.BaseAddress = new Uri(options.ApiBaseUrl);
        });
        builder.Services.AddSingleton<StatusWebhooks>();
        builder.Services.AddSingleton<SimulatedCustomer>();
        builder.Services.AddSingleton<CustomerCommerce>();
        builder.Services.AddSingleton<DemoState>();
        builder.Services.AddHostedService<DemoSeeder>();
        return builder;
    }
}
