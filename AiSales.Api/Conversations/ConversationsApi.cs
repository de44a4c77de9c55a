using System.Security.Claims;
using AiSales.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using NpgsqlTypes;

namespace AiSales.Api.Conversations;

/// <summary>
/// What the merchant watches: conversations (newest activity first), their messages, the switch between
/// the AI and a human, and human replies. Rows are written by ingestion and the agent; this only reads
/// them, except handoff and human replies.
/// </summary>
public static class ConversationsApi
{
    private static readonly string[] Platforms = ["whatsapp", "instagram"];
    private static readonly string[] Statuses = ["ai", "human"];

    public static RouteGroupBuilder MapConversationsApi(this RouteGroupBuilder api)
    {
        var conversations = api.MapGroup("/conversations").WithTags("Conversations");
        conversations.MapGet("/", ListAsync)
            .WithSummary("Conversations, newest activity first; filter by platform, status, unanswered (the customer wrote last) and q (customer name, phone or Instagram id); page with the returned cursor.");
        conversations.MapGet("/{id:guid}", GetAsync).WithSummary("One conversation with its customer.");
        conversations.MapGet("/{id:guid}/messages", ConversationMessages.ListAsync)
            .WithSummary("Messages in the order the customer sent them (sentAt, then arrival), with direction, author, delivery status and timestamps; "
                + "page forwards with 'after' (0: from the first), or backwards with 'before' (0: the newest page; each page still oldest first).");
        conversations.MapPost("/{id:guid}/handoff", ConversationHandoff.HandOffAsync)
            .WithSummary("Hand the conversation to a human (the AI stays silent) or back to the AI.");
        conversations.MapPost("/{id:guid}/messages", HumanReply.SendAsync)
            .WithSummary("A human reply: stored as an outbound message and queued for the sender (202).");
        return api;
    }

    private static async Task<Results<Ok<ConversationPage>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken cancellationToken,
        string? platform = null, string? status = null, string? cursor = null, int limit = 20, string? q = null, bool unanswered = false)
    {
        var errors = new FieldErrors();
        var search = errors.Text("q", q, 100, required: false);
        if (platform is not null && !Platforms.Contains(platform))
        {
            errors.Add("platform", "must be whatsapp or instagram.");
        }

        if (status is not null && !Statuses.Contains(status))
        {
            errors.Add("status", "must be ai or human.");
        }

        if (limit is < 1 or > 100)
        {
            errors.Add("limit", "must be between 1 and 100.");
        }

        ConversationCursor? after = null;
        if (cursor is not null)
        {
            if (ConversationCursor.TryDecode(cursor, out var decoded))
            {
                after = decoded;
            }
            else
            {
                errors.Add("cursor", "is not a cursor returned by this route.");
            }
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        await using var command = db.CreateCommand($"""
            {ConversationSql.Select}
            WHERE c.merchant_id = $1 AND ($2::text IS NULL OR c.platform = $2) AND ($3::text IS NULL OR c.status = $3)
              AND ($4::timestamptz IS NULL OR (c.last_activity_at, c.id) < ($4, $5))
              AND ($7::text IS NULL OR aisales_normalize(cu.display_name) LIKE aisales_normalize($7) OR cu.phone ILIKE $7 OR cu.instagram_id ILIKE $7)
              AND (NOT $8 OR (SELECT m.direction FROM messages m WHERE m.conversation_id = c.id ORDER BY m.sent_at DESC, m.arrival DESC, m.id DESC LIMIT 1) = 'inbound')
            ORDER BY c.last_activity_at DESC, c.id DESC
            LIMIT $6
            """);
        command.Parameters.AddWithValue(user.MerchantId());
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)platform ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)status ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)after?.LastActivityAt ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = after?.Id ?? Guid.Empty });
        command.Parameters.AddWithValue(limit + 1);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = search.Length == 0 ? DBNull.Value : (object)$"%{Like(search)}%" });
        command.Parameters.AddWithValue(unanswered);

        var items = new List<ConversationView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(ConversationSql.ReadConversation(reader));
        }

        string? next = null;
        if (items.Count > limit)
        {
            items.RemoveAt(limit);
            next = new ConversationCursor(items[^1].LastActivityAt, items[^1].Id).Encode();
        }

        return TypedResults.Ok(new ConversationPage(items, next));
    }

    private static async Task<Results<Ok<ConversationView>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        var conversation = await FindAsync(db, id, user.MerchantId(), cancellationToken);
        return conversation is null ? MerchantApiProblems.NotFound("conversation", id) : TypedResults.Ok(conversation);
    }

    private static string Like(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");

    public static async Task<ConversationView?> FindAsync(NpgsqlDataSource db, Guid id, Guid merchantId, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand($"{ConversationSql.Select} WHERE c.id = $1 AND c.merchant_id = $2");
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(merchantId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ConversationSql.ReadConversation(reader) : null;
    }
}
