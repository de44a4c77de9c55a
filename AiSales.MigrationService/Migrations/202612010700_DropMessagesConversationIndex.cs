using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>
/// ix_messages_conversation (conversation_id, id) became redundant when ix_messages_conversation_order
/// (conversation_id, sent_at, arrival, id) came: every query that finds a conversation's messages either orders them by
/// send order or only needs the conversation's entries (history, the status and read updates, the cascade from
/// conversations), which the send-order index's leading column answers. Every message insert and every update that
/// cannot stay on its page (the agent marking a message answered, the send recording Meta's id) wrote an entry into
/// both. Dropped concurrently: the inbox and the agent keep writing. Down recreates it.
/// </summary>
[Migration(202612010700, TransactionBehavior.None, "Drop the messages index the send-order index makes redundant")]
public sealed class DropMessagesConversationIndex : Migration
{
    public override void Up() => Execute.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_messages_conversation;");

    public override void Down() => Execute.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_messages_conversation ON messages (conversation_id, id);");
}
