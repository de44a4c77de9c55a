using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>
/// Customers' files (docs/media.md): one row per inbound message that carries one, written in the same statement as
/// the message, so the work to fetch it is as durable as the message itself. The bytes live in the blob store, never
/// here. The media worker claims due rows (pending, or fetching with an expired lease) with SKIP LOCKED.
/// </summary>
[Migration(202611302200, "Create media")]
public sealed class CreateMedia : Migration
{
    public override void Up() => Execute.Sql("""
        CREATE TABLE media (
            id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
            merchant_id      uuid NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
            message_id       bigint NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
            platform         text NOT NULL CHECK (platform IN ('whatsapp', 'instagram')),
            type             text NOT NULL CHECK (type IN ('image', 'audio', 'video', 'document', 'sticker')),
            -- Where to fetch it: a WhatsApp media id (Graph API, two steps) or an Instagram attachment URL.
            graph_media_id   text,
            source_url       text,
            declared_mime    text,
            state            text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'fetching', 'stored', 'refused', 'failed')),
            mime_type        text,
            size_bytes       bigint,
            sha256           text,
            blob_key         text,
            error            text,
            attempts         integer NOT NULL DEFAULT 0,
            next_attempt_at  timestamptz NOT NULL DEFAULT now(),
            lease_until      timestamptz,
            fetched_at       timestamptz,
            created_at       timestamptz NOT NULL DEFAULT now(),
            updated_at       timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT ck_media_source CHECK (graph_media_id IS NOT NULL OR source_url IS NOT NULL)
        );
        -- One file per message: a redelivered webhook never queues a second fetch.
        CREATE UNIQUE INDEX uq_media_message ON media (message_id);
        CREATE INDEX ix_media_due ON media (next_attempt_at) WHERE state IN ('pending', 'fetching');
        CREATE INDEX ix_media_merchant ON media (merchant_id);
        """);

    public override void Down() => Execute.Sql("DROP TABLE media;");
}
