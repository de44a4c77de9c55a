using System.ComponentModel;
using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.Core.Catalog;
using Microsoft.SemanticKernel;

namespace AiSales.AiAgent.Agent.Plugins;

public sealed record ProductFact(Guid ProductId, string Sku, string Name, string Description, decimal Price, string Currency, int Stock, bool InStock);

/// <summary>The merchant's catalogue: the only source of product names, prices and stock in a reply.</summary>
public sealed class CatalogPlugin(ProductSearch search)
{
    [KernelFunction("search_products")]
    [Description("Searches the merchant's active catalogue (Arabic or English, tolerant of spelling variants). Returns up to five matching products with price, currency, stock and description. Use it before mentioning any product.")]
    public async Task<IReadOnlyList<ProductFact>> SearchProductsAsync(
        Kernel kernel,
        [Description("What the customer is looking for: a product name, kind or SKU, without greetings, question words or colours")] string query,
        [Description("A colour the product must have (in its name or description), e.g. black, white, brown; or empty")] string? colour = null,
        CancellationToken cancellationToken = default)
    {
        var turn = AgentTurn.Of(kernel);
        // More than five when filtering by colour: the match in that colour may rank below the others.
        var take = string.IsNullOrWhiteSpace(colour) ? 5 : 20;
        // Whole phrases often fail where one word matches ("the blue kaftan please" → "kaftan"): FindAsync falls back to
        // the phrase's longest matching word in the same statement.
        var hits = await search.FindAsync(turn.MerchantId, query, take, cancellationToken);
        if (ProductKinds.Named(query) is (string word, string[] names))
        {
            hits = await OfKindAsync(turn, query, word, names, hits, take, cancellationToken);
        }

        var facts = hits.Select(Fact).ToList();
        if (!string.IsNullOrWhiteSpace(colour) && Colours.Key(TextFolding.Fold(colour)) is { } key)
        {
            facts = facts.Where(f => Offline.Dialogue.Picks.HasColour(f.Name + " " + f.Description, key)).ToList();
        }

        facts = facts.Take(5).ToList();
        if (facts.Count == 0)
        {
            turn.SearchMissed = true;
        }
        else
        {
            turn.Helped = true;
        }

        return facts;
    }

    [KernelFunction("get_product_details")]
    [Description("Gets one product's full details, current price and stock by its id or SKU.")]
    public async Task<ProductFact?> GetProductDetailsAsync(
        Kernel kernel,
        [Description("The product id (a uuid from search_products) or its SKU")] string product,
        CancellationToken cancellationToken = default)
    {
        var turn = AgentTurn.Of(kernel);
        await using var command = turn.Command("""
            SELECT id, sku, name, description, price, currency, stock, active
            FROM products
            WHERE merchant_id = $1 AND active AND (id::text = $2 OR sku = $2)
            """, turn.MerchantId, product.Trim());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        turn.Helped = true;
        return new ProductFact(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetDecimal(4),
            reader.GetString(5).Trim(), reader.GetInt32(6), reader.GetInt32(6) > 0);
    }

    /// <summary>
    /// Of the products found, those of the kind the customer named: «الجزمة السوداء» is the black shoes, not the black bag
    /// that "black" alone found. When none is, the kind's other names are searched: "black bag" where the catalogue says «حقيبة».
    /// </summary>
    private async Task<IReadOnlyList<ProductHit>> OfKindAsync(
        AgentTurn turn, string query, string word, string[] names, IReadOnlyList<ProductHit> hits, int take, CancellationToken cancellationToken)
    {
        List<ProductHit> OfKind(IEnumerable<ProductHit> found) =>
            found.Where(hit => ProductKinds.Names(hit.Name + " " + hit.Description, word, names)).ToList();
        if (OfKind(hits) is { Count: > 0 } ofKind)
        {
            return ofKind;
        }

        foreach (var respelt in ProductKinds.Respelt(query, word, names))
        {
            if (OfKind(await search.FindAsync(turn.MerchantId, respelt, take, cancellationToken)) is { Count: > 0 } respeltOfKind)
            {
                return respeltOfKind;
            }
        }

        return hits;
    }

    private static ProductFact Fact(ProductHit hit) =>
        new(hit.Id, hit.Sku, hit.Name, hit.Description, hit.Price, hit.Currency, hit.Stock, hit.Stock > 0);
}
