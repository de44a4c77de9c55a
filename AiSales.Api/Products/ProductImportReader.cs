using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using CsvHelper;

namespace AiSales.Api.Products;

/// <summary>
/// One row of an import as read, before validation: the request, and by field what could not be read at all (a price
/// that is not a number…); the rest of the row is still validated, so a rejection gives every reason.
/// </summary>
public sealed record ImportRow(int Row, ProductRequest Request, IReadOnlyDictionary<string, string>? ParseErrors = null)
{
    /// <summary>The key of <see cref="ParseErrors"/> for a row that could not be read at all: its one reason.</summary>
    public const string WholeRow = "";

    public static ImportRow Unreadable(int row, string reason) =>
        new(row, new ProductRequest(null, null, null, null, null, null, null), new Dictionary<string, string> { [WholeRow] = reason });
}

/// <summary>The import cannot be read at all (not JSON, not an array, no header, too many rows): a problem, not a report.</summary>
public sealed class ImportFormatException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}

/// <summary>
/// Reads an import row by row as the body arrives, never holding the whole file: a JSON array (elements deserialised
/// one at a time; property names case-insensitive, numbers as numbers or strings) or CSV through CsvHelper (header
/// matched by name, RFC 4180 quoting, UTF-8 with or without BOM). The caller decides how many rows it takes.
/// </summary>
public static class ProductImportReader
{
    private static readonly string[] RequiredColumns = ["sku", "name", "price", "currency"];
    private static readonly string[] OptionalColumns = ["description", "stock", "active"];

    public static async IAsyncEnumerable<ImportRow> ReadJsonAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(body, cancellationToken: cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        var number = 0;
        while (await NextJsonAsync(elements))
        {
            number++;
            var element = elements.Current;
            yield return element.ValueKind == JsonValueKind.Object
                ? ReadJsonRow(number, element)
                : ImportRow.Unreadable(number, "the row is not a JSON object.");
        }
    }

    // A yield cannot sit inside a try with a catch: the reading step is wrapped on its own.
    private static async ValueTask<bool> NextJsonAsync(IAsyncEnumerator<JsonElement> elements)
    {
        try
        {
            return await elements.MoveNextAsync();
        }
        catch (JsonException e)
        {
            throw new ImportFormatException(StatusCodes.Status400BadRequest, Infrastructure.BadRequestText.ForJson("The body must be a JSON array of products", e));
        }
    }

    private static ImportRow ReadJsonRow(int number, JsonElement element)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in element.EnumerateObject())
        {
            fields[property.Name] = property.Value;
        }

        string? Text(string name) => fields.TryGetValue(name, out var v) && v.ValueKind != JsonValueKind.Null
            ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()
            : null;

        var sku = Text("sku");
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var price = ParseDecimal(Text("price"), "price", errors);
        var stock = ParseInt(Text("stock"), "stock", errors);
        var active = ParseBool(Text("active"), "active", errors);
        var request = new ProductRequest(sku, Text("name"), Text("description"), price, Text("currency"), stock, active);
        return new ImportRow(number, request, errors.Count == 0 ? null : errors);
    }

    public static async IAsyncEnumerable<ImportRow> ReadCsvAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The StreamReader skips a UTF-8 byte order mark.
        using var text = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        using var csv = CsvReader.Create(text, new CsvReaderOptions { Separator = ',', HasHeader = true, TrimWhitespace = true }, leaveOpen: true);
        await csv.ReadHeaderAsync(cancellationToken);
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in RequiredColumns.Concat(OptionalColumns))
        {
            if (csv.TryGetFieldIndex(name, out var index))
            {
                columns[name] = index;
            }
        }

        var missing = RequiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new ImportFormatException(StatusCodes.Status400BadRequest,
                $"The CSV header must name the columns sku,name,description,price,currency,stock (missing: {string.Join(", ", missing)}).");
        }

        while (await csv.ReadAsync(cancellationToken))
        {
            var number = (int)csv.RowNumber;
            string? Field(string name) =>
                columns.TryGetValue(name, out var index) && index < csv.FieldCount && !csv.IsEmpty(index) ? csv.GetString(index) : null;

            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            var price = ParseDecimal(Field("price"), "price", errors);
            var stock = ParseInt(Field("stock"), "stock", errors);
            var active = ParseBool(Field("active"), "active", errors);
            var request = new ProductRequest(Field("sku"), Field("name"), Field("description"), price, Field("currency"), stock, active);
            yield return new ImportRow(number, request, errors.Count == 0 ? null : errors);
        }
    }

    private static decimal? ParseDecimal(string? text, string field, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (decimal.TryParse(LatinDigits(text), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors[field] = $"{field} '{text}' is not a number (use a dot for decimals, e.g. 149.500).";
        return null;
    }

    private static int? ParseInt(string? text, string field, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(LatinDigits(text), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors[field] = $"{field} '{text}' is not a whole number.";
        return null;
    }

    private static bool? ParseBool(string? text, string field, Dictionary<string, string> errors)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "":
                return null;
            case "true" or "1" or "yes":
                return true;
            case "false" or "0" or "no":
                return false;
            default:
                errors[field] = $"{field} '{text}' must be true or false.";
                return null;
        }
    }

    // Arabic catalogues are often typed with Arabic-Indic digits (١٢٣ or ۱۲۳) and the Arabic decimal separator.
    private static string LatinDigits(string text) => string.Create(text.Trim().Length, text.Trim(), static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c switch
            {
                >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
                >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
                '\u066B' => '.',
                _ => c,
            };
        }
    });
}
