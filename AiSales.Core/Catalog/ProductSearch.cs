using Npgsql;

namespace AiSales.Core.Catalog;

/// <summary>A product as search returns it, with its relevance (higher is better).</summary>
public sealed record ProductHit(
    Guid Id, string Sku, string Name, string Description, decimal Price, string Currency, int Stock, bool Active, double Score);

/// <summary>
/// Catalogue search shared by the merchant API and the sales agent. The query is folded by the same
/// aisales_normalize() that builds products.search_text (alef/hamza forms, taa marbuta, alef maqsura,
/// tatweel, diacritics, Arabic-Indic digits, Latin case), then matched by substring or trigram similarity,
/// which tolerates small misspellings. Always scoped to one merchant.
/// </summary>
public sealed class ProductSearch(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<ProductHit>> SearchAsync(
        Guid merchantId, string query, int limit, int offset, bool activeOnly, CancellationToken cancellationToken)
    {
        const string sql = """
            WITH q AS (SELECT aisales_normalize($2) AS text)
            SELECT p.id, p.sku, p.name, p.description, p.price, p.currency, p.stock, p.active,
                   CASE WHEN q.text = '' THEN 0
                        ELSE greatest(word_similarity(q.text, p.search_text),
                                      CASE WHEN strpos(p.search_text, q.text) > 0 THEN 1.0 ELSE 0 END)
                   END AS score
            FROM products p, q
            WHERE p.merchant_id = $1
              AND (NOT $5 OR p.active)
              AND (q.text = '' OR strpos(p.search_text, q.text) > 0 OR q.text <% p.search_text)
            ORDER BY score DESC, p.name, p.id
            LIMIT $3 OFFSET $4
            """;

        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue(merchantId);
        command.Parameters.AddWithValue(query.Trim());
        command.Parameters.AddWithValue(limit);
        command.Parameters.AddWithValue(offset);
        command.Parameters.AddWithValue(activeOnly);

        var hits = new List<ProductHit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(new ProductHit(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetDecimal(4), reader.GetString(5).Trim(), reader.GetInt32(6), reader.GetBoolean(7),
                Convert.ToDouble(reader.GetValue(8))));
        }

        return hits;
    }
}
