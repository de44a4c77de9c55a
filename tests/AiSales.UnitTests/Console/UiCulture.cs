using System.Globalization;

namespace AiSales.UnitTests.Console;

/// <summary>What the console's texts say with the page in one language; the thread's culture is put back after.</summary>
internal static class UiCulture
{
    public static T In<T>(string culture, Func<T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
