using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>Orders the agent takes in conversation (at most one draft per conversation) and their lines.</summary>
[Migration(202611250907, "Create orders and order items")]
public sealed class CreateOrders : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            CREATE TABLE orders (
                id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
                number            bigint GENERATED ALWAYS AS IDENTITY (START WITH 1001) UNIQUE,
                merchant_id       uuid NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
                conversation_id   uuid REFERENCES conversations (id) ON DELETE SET NULL,
                customer_id       uuid REFERENCES customers (id) ON DELETE SET NULL,
                status            text NOT NULL DEFAULT 'draft'
                                  CHECK (status IN ('draft', 'confirmed', 'cancelled', 'fulfilled')),
                customer_name     text,
                customer_phone    text,
                shipping_address  text,
                notes             text,
                currency          char(3),
                total             numeric(14, 3) NOT NULL DEFAULT 0 CHECK (total >= 0),
                created_at        timestamptz NOT NULL DEFAULT now(),
                updated_at        timestamptz NOT NULL DEFAULT now(),
                confirmed_at      timestamptz,
                cancelled_at      timestamptz,
                fulfilled_at      timestamptz
            );
            CREATE UNIQUE INDEX uq_orders_one_draft_per_conversation
                ON orders (conversation_id) WHERE status = 'draft' AND conversation_id IS NOT NULL;
            CREATE INDEX ix_orders_merchant_created ON orders (merchant_id, created_at DESC, id DESC);

            CREATE TABLE order_items (
                id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
                order_id    uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
                product_id  uuid REFERENCES products (id) ON DELETE SET NULL,
                sku         text NOT NULL,
                name        text NOT NULL,
                unit_price  numeric(14, 3) NOT NULL CHECK (unit_price >= 0),
                quantity    integer NOT NULL CHECK (quantity > 0),
                line_total  numeric(14, 3) GENERATED ALWAYS AS (unit_price * quantity) STORED
            );
            CREATE UNIQUE INDEX uq_order_items_order_product
                ON order_items (order_id, product_id) WHERE product_id IS NOT NULL;
            """);
    }

    public override void Down()
    {
        Execute.Sql("DROP TABLE order_items; DROP TABLE orders;");
    }
}
