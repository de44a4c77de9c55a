using AiSales.Web.Api;

namespace AiSales.Web.Inbox;

/// <summary>
/// The inbox's conversations, read page by page with the API's cursor (newest activity first; "Show more" reads the
/// next page), with live changes placed among them. What is shown is every conversation down to the last row read: a
/// live event moves a row to the top or adds one without dropping any, and a conversation below that row is left to the
/// next page, so the next page neither repeats nor skips one. <see cref="Items"/> is a new list after every change.
/// </summary>
public sealed class ConversationPager
{
    public const int PageSize = 50;

    // One read at a time: "Show more" clicked while the list is read again (a reconnection, a filter) reads on from
    // where that read ended, and that read reaches the rows the page added.
    private readonly SemaphoreSlim _reading = new(1, 1);
    private string? _next;
    private ListPlace? _lastRead;

    public List<Conversation> Items { get; private set; } = [];

    public bool HasMore => _next is not null;

    /// <summary>
    /// Reads from the top: one page, or with <paramref name="keepPlace"/> as many as it takes to reach the last row read
    /// before (every page when all had been read), so a re-read after a reconnection or with a filter on drops nothing.
    /// </summary>
    public async Task<ApiProblem?> ReadAsync(Func<string?, Task<ApiResult<ConversationPage>>> page, bool keepPlace)
    {
        await _reading.WaitAsync();
        try
        {
            var (shownAll, lastRead) = (keepPlace && !HasMore && Items.Count > 0, keepPlace && HasMore ? _lastRead : null);
            var items = new List<Conversation>();
            string? next = null;
            do
            {
                var result = await page(next);
                if (result.Value is not { } value)
                {
                    return result.Problem;
                }

                items.AddRange(value.Items);
                next = value.NextCursor;
            }
            while (next is not null && (shownAll || (lastRead is { } last && items.Count > 0 && ListPlace.Of(items[^1]).CompareTo(last) < 0)));

            Keep([.. items.DistinctBy(c => c.Id)], next, items.LastOrDefault());
            return null;
        }
        finally
        {
            _reading.Release();
        }
    }

    /// <summary>Appends the next page.</summary>
    public async Task<ApiProblem?> MoreAsync(Func<string?, Task<ApiResult<ConversationPage>>> page)
    {
        await _reading.WaitAsync();
        try
        {
            if (_next is not { } cursor)
            {
                return null;
            }

            var result = await page(cursor);
            if (result.Value is not { } value)
            {
                return result.Problem;
            }

            // A row the page repeats was moved up by a live event while the page was read: the row shown is the newer.
            Keep([.. Items, .. value.Items.Where(c => !Items.Exists(shown => shown.Id == c.Id))], value.NextCursor, value.Items.LastOrDefault());
            return null;
        }
        finally
        {
            _reading.Release();
        }
    }

    /// <summary>Places live changes; false when the list must be read again (an event came without its conversation).</summary>
    public bool Apply(IEnumerable<InboxEvent> events)
    {
        if (InboxChanges.ApplyToList(Items, events, HasMore ? _lastRead : null) is not { } list)
        {
            return false;
        }

        Items = list;
        return true;
    }

    private void Keep(List<Conversation> items, string? next, Conversation? lastRead)
    {
        (Items, _next) = (items, next);
        _lastRead = lastRead is null ? null : ListPlace.Of(lastRead);
    }
}
