using System.Security.Claims;
using AiSales.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace AiSales.Api.Conversations;

/// <summary>
/// GET /api/conversations/{id}/messages: a conversation's messages in send order (contract §4 rule 9), keyset-paged
/// forwards from 'after' (0: the first page) or backwards from 'before' (0: the newest page, what a conversation view
/// opens on; then older pages as the reader scrolls). A page is always listed oldest first.
/// </summary>
public static class ConversationMessages
{
    // A NULL arrival (our own messages) sorts last in a tie, as in ORDER BY; DESC of the send order is its exact reverse.
    private static readonly string Key = $"(sent_at, coalesce(arrival, {long.MaxValue}), id)";

    private static readonly string Forward = $"""
        WITH cursor AS (
            SELECT sent_at, coalesce(arrival, {long.MaxValue}) AS arrival, id FROM messages WHERE id = $3 AND conversation_id = $1 AND merchant_id = $2)
        SELECT {ConversationSql.MessageColumns} FROM messages
        WHERE conversation_id = $1 AND merchant_id = $2
          AND ($3 = 0 OR sent_at >= (SELECT sent_at FROM cursor) AND {Key} > (SELECT sent_at, arrival, id FROM cursor))
        ORDER BY {ConversationSql.SendOrder}
        LIMIT $4
        """;

    private static readonly string Backward = $"""
        WITH cursor AS (
            SELECT sent_at, coalesce(arrival, {long.MaxValue}) AS arrival, id FROM messages WHERE id = $3 AND conversation_id = $1 AND merchant_id = $2)
        SELECT {ConversationSql.MessageColumns} FROM messages
        WHERE conversation_id = $1 AND merchant_id = $2
          AND ($3 = 0 OR sent_at <= (SELECT sent_at FROM cursor) AND {Key} < (SELECT sent_at, arrival, id FROM cursor))
        ORDER BY sent_at DESC, arrival DESC, id DESC
        LIMIT $4
        """;

    public static async Task<Results<Ok<MessagePage>, ValidationProblem, ProblemHttpResult>> ListAsync(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken cancellationToken, long? after = null, long? before = null, int limit = 50)
    {
        var errors = new FieldErrors();
        if (limit is < 1 or > 200)
        {
            errors.Add("limit", "must be between 1 and 200.");
        }

        if (after is not null && before is not null)
        {
            errors.Add("before", "cannot be combined with 'after': page forwards or backwards.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var backward = before is not null;
        var from = before ?? after ?? 0;
        var merchantId = user.MerchantId();
        await using var command = db.CreateCommand(backward ? Backward : Forward);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(merchantId);
        command.Parameters.AddWithValue(from);
        command.Parameters.AddWithValue(limit + 1);
        var items = new List<MessageView>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(ConversationSql.ReadMessage(reader));
            }
        }

        if (items.Count == 0)
        {
            if (await ConversationsApi.FindAsync(db, id, merchantId, cancellationToken) is null)
            {
                return MerchantApiProblems.NotFound("conversation", id);
            }

            if (from != 0 && !await HasMessageAsync(db, id, merchantId, from, cancellationToken))
            {
                errors.Add(backward ? "before" : "after", $"must be 0 or the id of a message of this conversation (a {(backward ? "nextBefore" : "nextAfter")} of this route).");
                return errors.ToProblem();
            }
        }

        var more = items.Count > limit;
        if (more)
        {
            items.RemoveAt(limit);
        }

        if (backward)
        {
            items.Reverse();
            return TypedResults.Ok(new MessagePage(items, null, more ? items[0].Id : null));
        }

        return TypedResults.Ok(new MessagePage(items, more ? items[^1].Id : null));
    }

    private static async Task<bool> HasMessageAsync(NpgsqlDataSource db, Guid conversationId, Guid merchantId, long messageId, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("SELECT EXISTS (SELECT 1 FROM messages WHERE id = $1 AND conversation_id = $2 AND merchant_id = $3)");
        command.Parameters.AddWithValue(messageId);
        command.Parameters.AddWithValue(conversationId);
        command.Parameters.AddWithValue(merchantId);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
