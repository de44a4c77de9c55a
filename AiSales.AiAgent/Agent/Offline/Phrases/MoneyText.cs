using System.Globalization;

namespace AiSales.AiAgent.Agent.Offline.Phrases;

/// <summary>
/// An amount as the customer reads it, never rounded: 250 SAR, 12.5 AED, and in the currencies counted in fils (JOD, KWD, BHD, OMR…)
/// three decimals when there is a fraction, as their prices are written: 12.500 JOD, 4.125 KWD, 48 JOD.
/// </summary>
public static class MoneyText
{
    private static readonly HashSet<string> s_threeDecimals = new(["JOD", "KWD", "BHD", "OMR", "TND", "LYD", "IQD"], StringComparer.OrdinalIgnoreCase);

    public static string Format(decimal amount, string? currency)
    {
        var format = amount == decimal.Truncate(amount) ? "0"
            : currency is not null && s_threeDecimals.Contains(currency.Trim()) ? "0.000"
            : "0.###";
        return $"{amount.ToString(format, CultureInfo.InvariantCulture)} {currency}".Trim();
    }
}
