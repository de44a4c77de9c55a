using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>
/// The shop's knowledge the agent answers from (merchants.faq: a JSON array of {question, answer}), and the mark
/// that an order holds stock (orders.stock_reserved): confirming sets it while taking the stock, cancelling clears it
/// while giving the stock back, so stock is given back only when it was taken, and only once. Orders confirmed before
/// this migration took no stock, so they start unmarked.
/// </summary>
[Migration(202611301400, "Add merchant faq and order stock reservation")]
public sealed class AddMerchantFaqAndOrderStockReservation : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            ALTER TABLE merchants ADD COLUMN faq jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(faq) = 'array');
            ALTER TABLE orders ADD COLUMN stock_reserved boolean NOT NULL DEFAULT false;
            """);
    }

    public override void Down()
    {
        Execute.Sql("""
            ALTER TABLE orders DROP COLUMN stock_reserved;
            ALTER TABLE merchants DROP COLUMN faq;
            """);
    }
}
