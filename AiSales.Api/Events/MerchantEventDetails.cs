using AiSales.Api.Conversations;
using Npgsql;

namespace AiSales.Api.Events;

/// <summary>
/// Reads, for a batch of notifications, the messages and conversations their events carry: at most two statements per
/// batch, however many consoles watch, so that no console has to call back for what changed. Rows are matched on
/// (id, merchant) pairs: a row is only ever attached to its own merchant's event.
/// </summary>
public sealed class MerchantEventDetails(NpgsqlDataSource db)
{
    public async Task<IReadOnlyList<(Guid MerchantId, MerchantEvent Event)>> ReadAsync(
        IReadOnlyList<MerchantNotification> batch, CancellationToken cancellationToken)
    {
        var messageKeys = batch.Where(n => n.MessageId is not null).Select(n => (Id: n.MessageId!.Value, n.MerchantId)).Distinct().ToArray();
        var conversationKeys = batch.Where(n => n.NeedsConversation).Select(n => (Id: n.ConversationId!.Value, n.MerchantId)).Distinct().ToArray();
        var messages = new Dictionary<long, MessageView>();
        var conversations = new Dictionary<Guid, ConversationView>();
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        if (messageKeys.Length > 0)
        {
            await using var command = new NpgsqlCommand($"""
                SELECT {ConversationSql.MessageColumns} FROM messages
                WHERE (id, merchant_id) IN (SELECT * FROM unnest($1::bigint[], $2::uuid[]))
                """, connection);
            command.Parameters.AddWithValue(messageKeys.Select(k => k.Id).ToArray());
            command.Parameters.AddWithValue(messageKeys.Select(k => k.MerchantId).ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var view = ConversationSql.ReadMessage(reader);
                messages[view.Id] = view;
            }
        }

        if (conversationKeys.Length > 0)
        {
            await using var command = new NpgsqlCommand($"""
                {ConversationSql.Select}
                WHERE (c.id, c.merchant_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))
                """, connection);
            command.Parameters.AddWithValue(conversationKeys.Select(k => k.Id).ToArray());
            command.Parameters.AddWithValue(conversationKeys.Select(k => k.MerchantId).ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var view = ConversationSql.ReadConversation(reader);
                conversations[view.Id] = view;
            }
        }

        return [.. batch.Select(n => (n.MerchantId, new MerchantEvent(n.Kind, n.ConversationId, n.Id,
            n.MessageId is { } m ? messages.GetValueOrDefault(m) : null,
            n.NeedsConversation ? conversations.GetValueOrDefault(n.ConversationId!.Value) : null)))];
    }
}
