using MudBlazor;

namespace AiSales.Web.Components.Layout;

/// <summary>One theme for the console; Noto covers Arabic and Latin script alike.</summary>
public static class ConsoleTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight { Primary = "#00695c", AppbarBackground = "#00695c" },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "system-ui", "sans-serif"] },
        },
    };
}
