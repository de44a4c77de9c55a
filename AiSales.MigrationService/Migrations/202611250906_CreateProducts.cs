using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>
/// The catalogue, searchable in Arabic and English. aisales_normalize folds the spelling variants customers
/// type (alef/hamza forms, taa marbuta/haa, alef maqsura/yaa, tatweel, diacritics, Arabic-Indic digits,
/// Latin case); the stored search_text is normalised once, queries are normalised by the same function,
/// and a trigram index tolerates small misspellings.
/// </summary>
[Migration(202611250906, "Create products with Arabic-aware search")]
public sealed class CreateProducts : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            CREATE EXTENSION IF NOT EXISTS pg_trgm;

            -- from: alef with hamza above/below, madda, wasla; alef maqsura; yaa and waw with hamza; taa marbuta;
            -- Persian yeh and kaf; Arabic-Indic and extended Arabic-Indic digits. to: their plain forms.
            CREATE FUNCTION aisales_normalize(input text) RETURNS text
                LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                RETURN lower(translate(
                    regexp_replace(input, '[\u064B-\u065F\u0670\u0640\u06D6-\u06ED]', '', 'g'),
                    U&'\0623\0625\0622\0671\0649\0626\0624\0629\06CC\06A9\0660\0661\0662\0663\0664\0665\0666\0667\0668\0669\06F0\06F1\06F2\06F3\06F4\06F5\06F6\06F7\06F8\06F9',
                    U&'\0627\0627\0627\0627\064A\064A\0648\0647\064A\064301234567890123456789'));
            """);

        Execute.Sql("""
            CREATE TABLE products (
                id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
                merchant_id  uuid NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
                sku          text NOT NULL CHECK (length(sku) BETWEEN 1 AND 64),
                name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
                description  text NOT NULL DEFAULT '',
                price        numeric(14, 3) NOT NULL CHECK (price >= 0),
                currency     char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
                stock        integer NOT NULL DEFAULT 0 CHECK (stock >= 0),
                active       boolean NOT NULL DEFAULT true,
                search_text  text GENERATED ALWAYS AS (aisales_normalize(sku || ' ' || name || ' ' || description)) STORED,
                created_at   timestamptz NOT NULL DEFAULT now(),
                updated_at   timestamptz NOT NULL DEFAULT now(),
                CONSTRAINT uq_products_merchant_sku UNIQUE (merchant_id, sku)
            );
            CREATE INDEX ix_products_search_trgm ON products USING gin (search_text gin_trgm_ops);
            """);
    }

    public override void Down()
    {
        Execute.Sql("DROP TABLE products; DROP FUNCTION aisales_normalize(text);");
    }
}
