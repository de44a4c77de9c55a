using System.Globalization;
using AiSales.Web.Localization;

namespace AiSales.Web.Catalogue;

/// <summary>A product field as the import report shows it: its label, and its value written for people.</summary>
public static class ImportValues
{
    public static string Label(string field) => field switch
    {
        "name" => "Name",
        "description" => "Description",
        "price" => "Price",
        "currency" => "Currency",
        "stock" => "Stock",
        "active" => "Active",
        _ => field,
    };

    /// <summary>Prices with their currency, as every amount in the console (<see cref="Money"/>); "active" is a word (translated by the caller).</summary>
    public static string Of(ProductFields product, string field) => field switch
    {
        "name" => product.Name,
        "description" => product.Description.Length == 0 ? "—" : product.Description,
        "price" => Money.Format(product.Price, product.Currency),
        "currency" => product.Currency,
        "stock" => product.Stock.ToString(CultureInfo.InvariantCulture),
        "active" => product.Active ? "active" : "inactive",
        _ => "",
    };
}
