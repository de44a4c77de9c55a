using Npgsql;

namespace AiSales.Core.Catalog;

/// <summary>A product as search returns it, with its relevance (higher is better).</summary>
public sealed record ProductHit(
    Guid Id, string Sku, string Name, string Description, decimal Price, string Currency, int Stock, bool Active, double Score);

/// <summary>
/// Catalogue search shared by the merchant API and the sales agent. The query is folded by the same
/// aisales_normalize() that builds products.search_text (alef/hamza forms, taa marbuta, alef maqsura,
/// tatweel, diacritics, Arabic-Indic digits, Latin case) and split into words. Every word must match the
/// product's sku, name or description, as a substring or by trigram word similarity of at least 0.5,
/// which tolerates a wrong, missing or extra letter in a word of six letters or more (pg_trgm's default 0.6 missed
/// "lether" for "leather"). An Arabic
/// definite article on a query word is optional ("الحقيبة" finds "حقيبة"). Ranking: the mean word score
/// (1 for an exact substring, else the similarity), plus bonuses when the whole query appears in the text
/// or in the name, or equals the sku; ties by name. Always scoped to one merchant.
/// </summary>
public sealed class ProductSearch(NpgsqlDataSource dataSource)
{
    // The query folded and split into words, the article stripped from words of five letters or more.
    private const string QueryCte = """
        q AS (
            SELECT n.text,
                   coalesce(ARRAY(
                       SELECT CASE WHEN length(w) > 4 AND left(w, 2) = 'ال' THEN substr(w, 3) ELSE w END
                       FROM regexp_split_to_table(n.text, '[[:space:][:punct:]]+') AS w
                       WHERE w <> ''), '{}') AS words
            FROM (SELECT aisales_normalize($2) AS text) n
        )
        """;

    private const string Columns = "id, sku, name, description, price, currency, stock, active, score";

    private static readonly string SearchSql = $"""
        WITH {QueryCte}
        SELECT m.* FROM q CROSS JOIN LATERAL ({Matches("q.text", "q.words")}) m
        ORDER BY score DESC, name, id
        LIMIT $3 OFFSET $4
        """;

    // The phrase first; only when nothing matches it, its longest words alone (three letters or more, at most four),
    // the first of them that matches anything. One statement: the fallback's plan runs only when the phrase found nothing.
    private static readonly string FindSql = $"""
        WITH {QueryCte},
        phrase AS MATERIALIZED (
            SELECT m.* FROM q CROSS JOIN LATERAL ({Matches("q.text", "q.words")}) m),
        candidates AS (
            SELECT w.word, row_number() OVER (ORDER BY length(w.word) DESC, w.n) AS rank
            FROM q CROSS JOIN LATERAL unnest(q.words) WITH ORDINALITY AS w (word, n)
            WHERE length(w.word) >= 3 AND cardinality(q.words) > 1),
        fallback AS MATERIALIZED (
            SELECT c.rank, m.*
            FROM candidates c CROSS JOIN LATERAL ({Matches("c.word", "ARRAY[c.word]")}) m
            WHERE c.rank <= 4 AND NOT EXISTS (SELECT 1 FROM phrase))
        SELECT {Columns} FROM phrase
        UNION ALL
        SELECT {Columns} FROM fallback WHERE rank = (SELECT min(rank) FROM fallback)
        ORDER BY score DESC, name, id
        LIMIT $3 OFFSET $4
        """;

    /// <summary>Products of the merchant matching every word of <paramref name="query"/> (the merchant API's search).</summary>
    public Task<IReadOnlyList<ProductHit>> SearchAsync(
        Guid merchantId, string query, int limit, int offset, bool activeOnly, CancellationToken cancellationToken) =>
        QueryAsync(SearchSql, merchantId, query, limit, offset, activeOnly, cancellationToken);

    /// <summary>
    /// Active products matching every word of <paramref name="query"/>; when none does, those matching its longest word
    /// that matches any ("the blue kaftan please" → "kaftan"). What a model passes is often a whole phrase.
    /// </summary>
    public Task<IReadOnlyList<ProductHit>> FindAsync(Guid merchantId, string query, int limit, CancellationToken cancellationToken) =>
        QueryAsync(FindSql, merchantId, query, limit, 0, activeOnly: true, cancellationToken);

    // The products matching a query given as its folded text and its words, with their score.
    private static string Matches(string text, string words) => $"""
        SELECT p.id, p.sku, p.name, p.description, p.price, p.currency, p.stock, p.active,
               CASE WHEN cardinality({words}) = 0 THEN 0
                    ELSE s.word_score
                         + CASE WHEN strpos(p.search_text, {text}) > 0 THEN 0.5 ELSE 0 END
                         + CASE WHEN strpos(aisales_normalize(p.name), {text}) > 0 THEN 0.5 ELSE 0 END
                         + CASE WHEN aisales_normalize(p.sku) = {text} THEN 1 ELSE 0 END
               END AS score
        FROM products p
        CROSS JOIN LATERAL (
            SELECT coalesce(avg(greatest(word_similarity(w, p.search_text),
                                         CASE WHEN strpos(p.search_text, w) > 0 THEN 1.0 ELSE 0 END)), 0) AS word_score,
                   count(*) FILTER (WHERE strpos(p.search_text, w) > 0 OR word_similarity(w, p.search_text) >= 0.5) AS matched
            FROM unnest({words}) AS w
        ) s
        WHERE p.merchant_id = $1
          AND (NOT $5 OR p.active)
          AND s.matched = cardinality({words})
        """;

    private async Task<IReadOnlyList<ProductHit>> QueryAsync(
        string sql, Guid merchantId, string query, int limit, int offset, bool activeOnly, CancellationToken cancellationToken)
    {
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
