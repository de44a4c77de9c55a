using System.Globalization;

namespace AiSales.Web.Localization;

/// <summary>
/// Every money amount the console shows (catalogue, orders, order detail, overview, import report) is written here, and
/// the same way in Arabic and English: Western digits, a point before the decimals, a comma between thousands, then the
/// ISO code — «1,250.500 KWD», «120.50 SAR», «25,000 IQD». That is how Gulf and Levant shops, their receipts, Meta's
/// catalogues and the assistant's own replies write prices, so the merchant reads in the console the very amount the
/// customer read in the conversation. .NET's Arabic culture would write «120٫500»: Western digits with the Arabic
/// decimal sign, rare in print and easily read as a thousands comma — in dinars counted in fils, a thousandfold error.
/// Decimals are the currency's own (ISO 4217 minor units: KWD, JOD, BHD, OMR, TND, LYD 3; JPY, KRW… 0; most 2), except
/// IQD, shown in whole dinars as Iraqi prices are; an amount is never rounded, so one stored with more decimals than its
/// currency has keeps them.
/// </summary>
public static class Money
{
    private const int MostCurrencies = 2;

    private static readonly Dictionary<string, int> Decimals = new(StringComparer.OrdinalIgnoreCase)
    {
        ["BHD"] = 3, ["JOD"] = 3, ["KWD"] = 3, ["LYD"] = 3, ["OMR"] = 3, ["TND"] = 3,
        ["IQD"] = 0, // ISO says 3, but the fils is long out of use: Iraqi prices are whole dinars.
        ["BIF"] = 0, ["CLP"] = 0, ["DJF"] = 0, ["GNF"] = 0, ["ISK"] = 0, ["JPY"] = 0, ["KMF"] = 0, ["KRW"] = 0,
        ["PYG"] = 0, ["RWF"] = 0, ["UGX"] = 0, ["VND"] = 0, ["VUV"] = 0, ["XAF"] = 0, ["XOF"] = 0, ["XPF"] = 0,
    };

    /// <summary>How amounts are written and read in both languages; also the price field's culture, so it reads as shown.</summary>
    public static CultureInfo Culture => CultureInfo.InvariantCulture;

    /// <summary>The amount and its currency: «1,250.500 KWD»; the amount alone when there is no currency.</summary>
    public static string Format(decimal amount, string? currency) =>
        string.IsNullOrWhiteSpace(currency) ? Amount(amount, currency) : $"{Amount(amount, currency)} {currency.Trim().ToUpperInvariant()}";

    /// <summary>The amount alone, with its currency's decimals (a table's column whose currency is said once).</summary>
    public static string Amount(decimal amount, string? currency) =>
        amount.ToString("N" + Math.Max(DecimalsOf(currency), Scale(amount)), Culture);

    /// <summary>The currency's decimals: 3 for the dinars counted in fils, 0 for currencies without a minor unit, else 2.</summary>
    public static int DecimalsOf(string? currency) =>
        currency is not null && Decimals.TryGetValue(currency.Trim(), out var decimals) ? decimals : MostCurrencies;

    // The decimals the amount needs to be written exactly (12.500 needs 1: trailing zeros are not needed).
    private static int Scale(decimal amount)
    {
        var scale = 0;
        while (decimal.Round(amount, scale) != amount)
        {
            scale++;
        }

        return scale;
    }
}
