using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>
/// The console's live feed: every new message, delivery-status change, handoff and order change sends a small
/// NOTIFY on channel merchant_events (sent at commit, so only committed rows are announced), whoever wrote the row:
/// webhook ingestion, the agent or the merchant API. The API LISTENs and streams them as server-sent events. Works
/// with Redis down: PostgreSQL is the only moving part.
/// </summary>
[Migration(202611301302, "Add merchant event notifications")]
public sealed class AddMerchantEventNotifications : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            CREATE FUNCTION notify_message_event() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('merchant_events', json_build_object(
                    'merchantId', NEW.merchant_id, 'kind', TG_ARGV[0], 'conversationId', NEW.conversation_id, 'id', NEW.id::text)::text);
                RETURN NULL;
            END $$;

            CREATE FUNCTION notify_conversation_event() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('merchant_events', json_build_object(
                    'merchantId', NEW.merchant_id, 'kind', 'handoff', 'conversationId', NEW.id, 'id', NEW.status)::text);
                RETURN NULL;
            END $$;

            CREATE FUNCTION notify_order_event() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('merchant_events', json_build_object(
                    'merchantId', NEW.merchant_id, 'kind', 'order', 'conversationId', NEW.conversation_id, 'id', NEW.id::text)::text);
                RETURN NULL;
            END $$;

            CREATE TRIGGER messages_notify_insert AFTER INSERT ON messages
                FOR EACH ROW EXECUTE FUNCTION notify_message_event('message');
            CREATE TRIGGER messages_notify_status AFTER UPDATE OF delivery_status ON messages
                FOR EACH ROW WHEN (OLD.delivery_status IS DISTINCT FROM NEW.delivery_status) EXECUTE FUNCTION notify_message_event('status');
            CREATE TRIGGER conversations_notify_status AFTER UPDATE OF status ON conversations
                FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION notify_conversation_event();
            CREATE TRIGGER orders_notify_insert AFTER INSERT ON orders
                FOR EACH ROW EXECUTE FUNCTION notify_order_event();
            CREATE TRIGGER orders_notify_status AFTER UPDATE OF status ON orders
                FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION notify_order_event();
            """);
    }

    public override void Down()
    {
        Execute.Sql("""
            DROP TRIGGER orders_notify_status ON orders;
            DROP TRIGGER orders_notify_insert ON orders;
            DROP TRIGGER conversations_notify_status ON conversations;
            DROP TRIGGER messages_notify_status ON messages;
            DROP TRIGGER messages_notify_insert ON messages;
            DROP FUNCTION notify_order_event();
            DROP FUNCTION notify_conversation_event();
            DROP FUNCTION notify_message_event();
            """);
    }
}
