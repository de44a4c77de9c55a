namespace AiSales.Api.Infrastructure;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddAiSalesData();
        builder.Services.AddBadRequestDetails();
        builder.AddOperationsMetrics();
        builder.AddMerchantApi();
        builder.AddWebhooks();
        builder.AddMedia();
        builder.AddTemplates();
        return builder;
    }
}
