namespace AiSales.Web.Inbox;

/// <summary>
/// Applies live events to what the inbox shows, without asking the API again: the event carries the row. Display only:
/// the rows are the API's; this places them (newest activity first, messages in send order).
/// </summary>
public static class InboxChanges
{
    /// <summary>
    /// The list after the events, or null when it must be read again (an event without its conversation). While pages
    /// remain unread, <paramref name="lastRead"/> is the last row read: a conversation below it is left to the next page.
    /// </summary>
    public static List<Conversation>? ApplyToList(List<Conversation> list, IEnumerable<InboxEvent> events, ListPlace? lastRead)
    {
        var result = list;
        foreach (var change in events)
        {
            if (change.Kind is not ("message" or "handoff"))
            {
                continue;
            }

            if (change.Conversation is not { } conversation)
            {
                return null;
            }

            // Not shown: a handoff's place is unknown until a new message; a row below the last one read is the next page's.
            var below = lastRead is { } last && ListPlace.Of(conversation).CompareTo(last) > 0;
            if (!result.Exists(c => c.Id == conversation.Id) && (change.Kind == "handoff" || below))
            {
                continue;
            }

            result = [.. result.Where(c => c.Id != conversation.Id).Concat(below ? [] : [conversation]).OrderBy(ListPlace.Of)];
        }

        return result;
    }

    /// <summary>Upserts the conversation's messages from the events; true when an event came without its message (read after the last one shown).</summary>
    public static bool ApplyToMessages(List<Message> messages, IEnumerable<InboxEvent> events)
    {
        var missing = false;
        foreach (var change in events)
        {
            if (change.Kind is "message" or "status")
            {
                if (change.Message is { } message)
                {
                    Upsert(messages, message, insert: change.Kind == "message");
                }
                else
                {
                    missing = true;
                }
            }
        }

        return missing;
    }

    /// <summary>Replaces a message shown by id, or (insert) places a new one by its send time.</summary>
    public static void Upsert(List<Message> messages, Message message, bool insert = true)
    {
        var at = messages.FindIndex(m => m.Id == message.Id);
        if (at >= 0)
        {
            messages[at] = message;
        }
        else if (insert)
        {
            var after = messages.FindLastIndex(m => m.SentAt <= message.SentAt);
            messages.Insert(after + 1, message);
        }
    }
}
