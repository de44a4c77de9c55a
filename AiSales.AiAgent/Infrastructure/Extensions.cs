namespace AiSales.AiAgent.Infrastructure;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddAiSalesData();
        return builder;
    }
}
