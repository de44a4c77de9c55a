using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>
/// GET /api/stats counts a merchant's messages per day. Without an index on merchant_id it reached them per conversation
/// (one small scan for each of the merchant's conversations: 10,000 conversations, 200,000 messages took seconds). This
/// index reads a merchant's days in one range scan, and covers the columns counted so that it can answer without the
/// table. direction and author never change after the insert, so the index costs delivery-status updates nothing (they
/// stay HOT). Built concurrently: ingestion keeps writing.
/// </summary>
[Migration(202612010200, TransactionBehavior.None, "Index messages by merchant and send time")]
public sealed class IndexMessagesByMerchantAndSendTime : Migration
{
    public override void Up() => Execute.Sql("""
        CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_messages_merchant_sent
            ON messages (merchant_id, sent_at) INCLUDE (direction, author);
        """);

    public override void Down() => Execute.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_messages_merchant_sent;");
}
