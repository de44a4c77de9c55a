using AiSales.Web.Api;
using AiSales.Web.Inbox;
using static AiSales.UnitTests.Inbox.InboxRows;

namespace AiSales.UnitTests.Inbox;

/// <summary>
/// The inbox's list, page by page with the API's cursor, and live changes among the pages (docs/console.md "Inbox"): the
/// next page neither repeats nor skips a conversation, and no row loaded goes away when another moves to the top.
/// </summary>
public sealed class ConversationPagerTests
{
    /// <summary>The API's list: newest activity first, keyset pages after the cursor's place.</summary>
    private sealed class Api(int count)
    {
        public List<Conversation> All { get; } = [.. Enumerable.Range(1, count).Select(n => Conversation(n, -n))];

        public List<string?> Cursors { get; } = [];

        public Task<ApiResult<ConversationPage>> Page(string? cursor) => Task.FromResult(new ApiResult<ConversationPage>(PageAfter(cursor), null));

        public ConversationPage PageAfter(string? cursor)
        {
            Cursors.Add(cursor);
            var rest = All.OrderBy(ListPlace.Of).SkipWhile(c => cursor is not null && ListPlace.Of(c).CompareTo(Decode(cursor)) <= 0).ToList();
            var page = rest.Take(ConversationPager.PageSize).ToList();
            return new ConversationPage(page, rest.Count > page.Count ? $"{page[^1].LastActivityAt.UtcTicks}:{page[^1].Id}" : null);
        }

        /// <summary>A customer writes: the conversation's activity is now, and the event carries its row.</summary>
        public InboxEvent Writes(int n, int minute = 100)
        {
            All.RemoveAll(c => c.Id == Id(n));
            var row = Conversation(n, minute);
            All.Add(row);
            return NewMessage(row);
        }

        public List<Guid> Order() => Ids(All.OrderBy(ListPlace.Of));

        private static ListPlace Decode(string cursor) =>
            new(new DateTimeOffset(long.Parse(cursor.Split(':')[0]), TimeSpan.Zero), Guid.Parse(cursor.Split(':')[1]));
    }

    [Fact]
    public async Task TheFirstPageThenShowMoreUntilTheEndShowsEachConversationOnceInOrder()
    {
        var api = new Api(120);
        var pager = new ConversationPager();

        await pager.ReadAsync(api.Page, keepPlace: false);
        Assert.Equal((50, true), (pager.Items.Count, pager.HasMore));
        await pager.MoreAsync(api.Page);
        await pager.MoreAsync(api.Page);

        Assert.Equal(api.Order(), Ids(pager.Items));
        Assert.False(pager.HasMore);
        Assert.Equal(3, api.Cursors.Distinct().Count());
    }

    [Fact]
    public async Task AConversationOnANextPageThatMovesToTheTopIsShownOnceAtTheTop()
    {
        var api = new Api(60);
        var pager = new ConversationPager();
        await pager.ReadAsync(api.Page, keepPlace: false);

        Assert.True(pager.Apply([api.Writes(55)]));
        Assert.Equal(51, pager.Items.Count);
        await pager.MoreAsync(api.Page);

        Assert.Equal(api.Order(), Ids(pager.Items));
        Assert.Equal(Id(55), pager.Items[0].Id);
    }

    [Fact]
    public async Task ANextPageReadBeforeALiveMoveDoesNotRepeatTheMovedConversation()
    {
        var api = new Api(60);
        var pager = new ConversationPager();
        await pager.ReadAsync(api.Page, keepPlace: false);
        var stale = new TaskCompletionSource<ApiResult<ConversationPage>>();
        var more = pager.MoreAsync(_ => stale.Task);

        Assert.True(pager.Apply([api.Writes(55)]));
        stale.SetResult(new ApiResult<ConversationPage>(new Api(60).PageAfter(CursorAfter(50)), null)); // still has 55 in its old place
        await more;

        Assert.Equal(api.Order(), Ids(pager.Items));
    }

    [Fact]
    public async Task RowsLoadedBeyondTheFirstPageStayWhenLiveEventsMoveOthersToTheTop()
    {
        var api = new Api(120);
        var pager = new ConversationPager();
        await pager.ReadAsync(api.Page, keepPlace: false);
        await pager.MoreAsync(api.Page);

        Assert.True(pager.Apply([api.Writes(121), api.Writes(3, minute: 101), api.Writes(110, minute: 102)]));

        Assert.Equal([Id(110), Id(3), Id(121)], Ids(pager.Items.Take(3)));
        Assert.Equal(102, pager.Items.Count); // the 100 loaded, 121 new, 110 from the next page
        await pager.MoreAsync(api.Page);
        Assert.Equal(api.Order(), Ids(pager.Items));
    }

    [Fact]
    public async Task AReReadReadsDownToTheLastRowShownSoNothingShownGoesAway()
    {
        var api = new Api(150);
        var pager = new ConversationPager();
        await pager.ReadAsync(api.Page, keepPlace: false);
        await pager.MoreAsync(api.Page);
        var shown = Ids(pager.Items);
        api.Writes(151);
        api.Writes(152, minute: 101); // missed: the stream reconnected

        await pager.ReadAsync(api.Page, keepPlace: true);

        Assert.Superset(shown.ToHashSet(), Ids(pager.Items).ToHashSet());
        Assert.Equal(api.Order().Take(pager.Items.Count), Ids(pager.Items));
        await pager.MoreAsync(api.Page);
        Assert.Equal(api.Order(), Ids(pager.Items));
    }

    [Fact]
    public async Task AReReadAfterEveryPageWasShownReadsThemAllAndANewFilterStartsAtOnePage()
    {
        var api = new Api(70);
        var pager = new ConversationPager();
        await pager.ReadAsync(api.Page, keepPlace: false);
        await pager.MoreAsync(api.Page);

        await pager.ReadAsync(api.Page, keepPlace: true);
        Assert.Equal((70, false), (pager.Items.Count, pager.HasMore));

        await pager.ReadAsync(api.Page, keepPlace: false);
        Assert.Equal((50, true), (pager.Items.Count, pager.HasMore));
    }

    [Fact]
    public async Task ReadsTakeTurnsSoAReReadAskedDuringShowMoreKeepsThePageItAdded()
    {
        var api = new Api(120);
        var pager = new ConversationPager();
        await pager.ReadAsync(api.Page, keepPlace: false);
        var slow = new TaskCompletionSource<ApiResult<ConversationPage>>();
        var more = pager.MoreAsync(_ => slow.Task);

        var reRead = pager.ReadAsync(api.Page, keepPlace: true);
        Assert.False(reRead.IsCompleted);
        slow.SetResult(new ApiResult<ConversationPage>(api.PageAfter(CursorAfter(50)), null));
        await Task.WhenAll(more, reRead);

        Assert.Equal(api.Order().Take(100), Ids(pager.Items));
        Assert.True(pager.HasMore);
    }

    [Fact]
    public async Task AFailedPageKeepsWhatWasShownAndSaysWhyAndAnEventWithoutItsRowAsksForARead()
    {
        var api = new Api(60);
        var pager = new ConversationPager();
        await pager.ReadAsync(api.Page, keepPlace: false);
        var problem = new ApiProblem(503, "The service is unavailable", null, new Dictionary<string, string[]>());

        var returned = await pager.MoreAsync(_ => Task.FromResult(new ApiResult<ConversationPage>(default, problem)));

        Assert.Same(problem, returned);
        Assert.Equal((50, true), (pager.Items.Count, pager.HasMore));
        Assert.False(pager.Apply([new InboxEvent("message", Id(7), Message(1, 0), null)]));
    }

    private static string CursorAfter(int n) => $"{Conversation(n, -n).LastActivityAt.UtcTicks}:{Id(n)}";
}
