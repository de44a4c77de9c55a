using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>
/// A customer's file is stored (or refused, or given up on) after its message, by the media fetcher, which changes only
/// the media row: an open conversation kept showing "Fetching the file…" until reloaded. When a file settles, the
/// merchant's console now hears a 'status' event for its message (the message's shown state changed; the API re-reads
/// it with its media), only while that merchant's console is open (merchant_event_watchers, 202611301600).
/// </summary>
[Migration(202612020100, "Notify the console when a customer's file settles")]
public sealed class NotifyWhenMediaSettles : Migration
{
    public override void Up() => Execute.Sql("""
        CREATE FUNCTION notify_media_event() RETURNS trigger LANGUAGE plpgsql AS $f$
        BEGIN
            IF EXISTS (SELECT 1 FROM merchant_event_watchers w WHERE w.merchant_id = NEW.merchant_id AND w.watched_until > now()) THEN
                PERFORM pg_notify('merchant_events', json_build_object(
                    'merchantId', NEW.merchant_id, 'kind', 'status',
                    'conversationId', (SELECT m.conversation_id FROM messages m WHERE m.id = NEW.message_id), 'id', NEW.message_id::text)::text);
            END IF;
            RETURN NULL;
        END $f$;

        CREATE TRIGGER media_notify_settled AFTER UPDATE OF state ON media
            FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state AND NEW.state IN ('stored', 'refused', 'failed'))
            EXECUTE FUNCTION notify_media_event();
        """);

    public override void Down() => Execute.Sql("""
        DROP TRIGGER media_notify_settled ON media;
        DROP FUNCTION notify_media_event();
        """);
}
