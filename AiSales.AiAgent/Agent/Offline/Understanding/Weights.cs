using System.Globalization;
using System.Text.RegularExpressions;

namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>
/// The weight a product is sold in, read from its name ("Sukkari Dates 1 kg", «تمر سكري 500 جرام», "Baklava Tray 1.5 kg", "per kg"), and
/// how many of it make a weight the customer asked for: dates, sweets, coffee and spices are sold in boxes of a weight, and customers
/// ask by the kilo («كيلوين سكري», "2 kg of ajwa").
/// </summary>
public static partial class Weights
{
    /// <summary>The product's weight in grams from its name, or null when its name gives none.</summary>
    public static int? InName(string name)
    {
        var text = Digits(name);
        if (PerKilo().IsMatch(text))
        {
            return 1000;
        }

        var match = Written().Match(text);
        if (!match.Success || !decimal.TryParse(match.Groups["n"].Value.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }

        var grams = amount * (Kilo().IsMatch(match.Groups["u"].Value) ? 1000 : 1);
        return grams is > 0 and < 1_000_000 ? (int)Math.Round(grams) : null;
    }

    /// <summary>
    /// How many of the product make <paramref name="grams"/>: 2 of a 1 kg box for two kilos, 1 when it weighs that; null when its name
    /// gives no weight or the weight asked is not a whole number of it.
    /// </summary>
    public static int? Count(string name, int grams) =>
        InName(name) is { } weight && grams >= weight && grams % weight == 0 ? grams / weight : null;

    private static string Digits(string text) => string.Concat(text.Select(c => char.IsDigit(c) && c > '9' ? (char)('0' + (int)char.GetNumericValue(c)) : c));

    // "1 kg", "1.5 kg", "500 g", "500g", «500 جرام», «1 كيلو», «1.5 كغ»: a number, then a unit that ends the word.
    [GeneratedRegex(@"(?<![\d.,])(?<n>\d+(?:[.,]\d+)?)\s*(?<u>kgs?|kilos?|kilograms?|g|gm|gms|gr|grams?|كيلو(?:غرام|جرام)?|كغ|كجم|جرام|غرام|جم|غم)(?![\p{L}])",
        RegexOptions.IgnoreCase)]
    private static partial Regex Written();

    [GeneratedRegex(@"^(kgs?|kilos?|kilograms?|كيلو(?:غرام|جرام)?|كغ|كجم)$", RegexOptions.IgnoreCase)]
    private static partial Regex Kilo();

    // Sold by the kilo: "per kg", "/kg", «بالكيلو», «للكيلو».
    [GeneratedRegex(@"per\s*(kg|kilo)|/\s*kg|بالكيلو|للكيلو|الكيلو ب", RegexOptions.IgnoreCase)]
    private static partial Regex PerKilo();
}
