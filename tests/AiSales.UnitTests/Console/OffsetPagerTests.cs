using AiSales.Web.Api;

namespace AiSales.UnitTests.Console;

/// <summary>The console's offset-paged lists (catalogue, orders): the first page, more on request, and a re-read that keeps the place.</summary>
public sealed class OffsetPagerTests
{
    private sealed record Page(List<Guid> Items, bool HasMore) : IOffsetPage<Guid>;

    private static Func<int, Task<ApiResult<Page>>> Source(List<Guid> all, List<int> offsets) => offset =>
    {
        offsets.Add(offset);
        var items = all.Skip(offset).Take(OffsetPager<Guid>.PageSize).ToList();
        return Task.FromResult(new ApiResult<Page>(new Page(items, offset + items.Count < all.Count), null));
    };

    [Fact]
    public async Task TheFirstPageThenMoreUntilTheEnd()
    {
        var all = Enumerable.Range(0, 230).Select(_ => Guid.NewGuid()).ToList();
        var offsets = new List<int>();
        var pager = new OffsetPager<Guid>(id => id);

        await pager.ReadAsync(Source(all, offsets));
        Assert.Equal((100, true), (pager.Items.Count, pager.HasMore));

        await pager.MoreAsync(Source(all, offsets));
        await pager.MoreAsync(Source(all, offsets));

        Assert.Equal(all, pager.Items);
        Assert.False(pager.HasMore);
        Assert.Equal([0, 100, 200], offsets);
    }

    [Fact]
    public async Task AReReadKeepsAsManyPagesAsWereShown()
    {
        var all = Enumerable.Range(0, 350).Select(_ => Guid.NewGuid()).ToList();
        var offsets = new List<int>();
        var pager = new OffsetPager<Guid>(id => id);
        await pager.ReadAsync(Source(all, offsets));
        await pager.MoreAsync(Source(all, offsets));
        await pager.MoreAsync(Source(all, offsets));
        offsets.Clear();

        await pager.ReadAsync(Source(all, offsets), pager.Items.Count);

        Assert.Equal(all.Take(300), pager.Items);
        Assert.True(pager.HasMore);
        Assert.Equal([0, 100, 200], offsets);
    }

    [Fact]
    public async Task AnItemThatMovedUpBetweenPagesIsShownOnce()
    {
        var all = Enumerable.Range(0, 150).Select(_ => Guid.NewGuid()).ToList();
        var pager = new OffsetPager<Guid>(id => id);
        await pager.ReadAsync(Source(all, []));
        all.Insert(0, Guid.NewGuid()); // a new product sorts first: the second page now starts with the first page's last item

        await pager.MoreAsync(Source(all, []));

        Assert.Equal(pager.Items.Count, pager.Items.Distinct().Count());
        Assert.Equal(150, pager.Items.Count);
    }

    [Fact]
    public async Task AFailedReadKeepsWhatWasShownAndSaysWhy()
    {
        var all = Enumerable.Range(0, 150).Select(_ => Guid.NewGuid()).ToList();
        var pager = new OffsetPager<Guid>(id => id);
        await pager.ReadAsync(Source(all, []));
        var problem = new ApiProblem(503, "The API is busy", null, new Dictionary<string, string[]>());

        var returned = await pager.MoreAsync<Page>(_ => Task.FromResult(new ApiResult<Page>(default, problem)));

        Assert.Same(problem, returned);
        Assert.Equal(all.Take(100), pager.Items);
    }
}
