namespace AiSales.Web.Api;

/// <summary>A page of an offset-paged merchant API list (products, orders).</summary>
public interface IOffsetPage<T>
{
    List<T> Items { get; }

    bool HasMore { get; }
}

/// <summary>
/// A list read page by page from an offset-paged API route: the first page, the next one on "Show more", and after a
/// change as many pages as were shown, so a merchant editing product 250 keeps their place.
/// </summary>
public sealed class OffsetPager<T>(Func<T, Guid> id)
{
    public const int PageSize = 100;

    public List<T> Items { get; private set; } = [];

    public bool HasMore { get; private set; }

    /// <summary>Reads from the start until at least <paramref name="shown"/> items (one page at least) or the end.</summary>
    public async Task<ApiProblem?> ReadAsync<TPage>(Func<int, Task<ApiResult<TPage>>> page, int shown = PageSize) where TPage : IOffsetPage<T>
    {
        var items = new List<T>();
        bool more;
        do
        {
            var result = await page(items.Count);
            if (result.Value is not { } read)
            {
                return result.Problem;
            }

            items.AddRange(read.Items);
            more = read.HasMore;
        }
        while (more && items.Count < shown);

        (Items, HasMore) = (Distinct(items), more);
        return null;
    }

    /// <summary>Appends the next page (an item that moved up meanwhile is not shown twice).</summary>
    public async Task<ApiProblem?> MoreAsync<TPage>(Func<int, Task<ApiResult<TPage>>> page) where TPage : IOffsetPage<T>
    {
        var result = await page(Items.Count);
        if (result.Value is not { } read)
        {
            return result.Problem;
        }

        (Items, HasMore) = (Distinct([.. Items, .. read.Items]), read.HasMore);
        return null;
    }

    private List<T> Distinct(List<T> items) => [.. items.DistinctBy(id)];
}
