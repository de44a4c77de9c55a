using System.Net;
using System.Net.Http.Json;
using AiSales.Core.Orders;
using Npgsql;
using static AiSales.Tests.MerchantApi.MerchantApiTestData;
using static AiSales.Tests.MerchantApi.OrderStockTestData;

namespace AiSales.Tests.MerchantApi;

/// <summary>Contract §6: confirming reserves the stock atomically (never the last unit twice); cancelling gives it back once.</summary>
[Collection(MerchantApiCollection.Name)]
public sealed class MerchantOrdersStockTests(MerchantApiFixture fixture)
{
    [Fact]
    public async Task ConfirmingTakesTheStockOfEveryLine()
    {
        var (client, db, merchant) = await ArrangeAsync();
        await using var _ = db;
        var bag = await SeedProductAsync(db, merchant, "BAG", "حقيبة سوداء", stock: 5);
        var hijab = await SeedProductAsync(db, merchant, "HJB", "Hijab", stock: 3);
        var order = await SeedDraftAsync(db, merchant, (bag, 2), (hijab, 3));

        using var response = await client.PatchAsJsonAsync($"/api/orders/{order}", new { status = "confirmed" }, Timeout());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("confirmed", (await response.ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal(3, await StockAsync(db, bag));
        Assert.Equal(0, await StockAsync(db, hijab));
        Assert.True(await ReservedAsync(db, order));
    }

    [Fact]
    public async Task ConfirmingWithTooLittleStockIsAConflictThatNamesTheProductAndChangesNothing()
    {
        var (client, db, merchant) = await ArrangeAsync();
        await using var _ = db;
        var bag = await SeedProductAsync(db, merchant, "BAG", "Black Bag", stock: 5);
        var hijab = await SeedProductAsync(db, merchant, "HJB", "طرحة شيفون", stock: 1);
        var order = await SeedDraftAsync(db, merchant, (bag, 2), (hijab, 3));

        using var response = await client.PatchAsJsonAsync($"/api/orders/{order}", new { status = "confirmed" }, Timeout());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Contains("Only 1 of طرحة شيفون (HJB) left; the order asks for 3.", problem.GetProperty("detail").GetString());
        var shortage = Assert.Single(problem.GetProperty("shortages").EnumerateArray());
        Assert.Equal(hijab, shortage.GetProperty("productId").GetGuid());
        Assert.Equal(3, shortage.GetProperty("requested").GetInt32());
        Assert.Equal(1, shortage.GetProperty("available").GetInt32());
        Assert.Equal(5, await StockAsync(db, bag));
        Assert.Equal(1, await StockAsync(db, hijab));
        Assert.False(await ReservedAsync(db, order));
        var unchanged = await (await client.GetAsync($"/api/orders/{order}", Timeout())).ReadJsonAsync();
        Assert.Equal("draft", unchanged.GetProperty("status").GetString());
    }

    [Fact]
    public async Task CancellingAConfirmedOrderGivesTheStockBackOnce()
    {
        var (client, db, merchant) = await ArrangeAsync();
        await using var _ = db;
        var bag = await SeedProductAsync(db, merchant, "BAG", "Bag", stock: 4);
        var order = await SeedDraftAsync(db, merchant, (bag, 3));
        (await client.PatchAsJsonAsync($"/api/orders/{order}", new { status = "confirmed" }, Timeout())).EnsureSuccessStatusCode();

        using var cancel = await client.PatchAsJsonAsync($"/api/orders/{order}", new { status = "cancelled" }, Timeout());
        var afterCancel = await StockAsync(db, bag);
        using var again = await client.PatchAsJsonAsync($"/api/orders/{order}", new { status = "cancelled" }, Timeout());
        bool releasedTwice;
        await using (var connection = await db.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            releasedTwice = await OrderStock.ReleaseAsync(transaction, order, Timeout());
            await transaction.CommitAsync();
        }

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal(4, afterCancel);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.False(releasedTwice);
        Assert.Equal(4, await StockAsync(db, bag));
        Assert.False(await ReservedAsync(db, order));
    }

    [Theory]
    [InlineData("draft", "cancelled")]
    [InlineData("confirmed", "cancelled")]
    [InlineData("confirmed", "fulfilled")]
    public async Task AnOrderThatHoldsNoStockGivesNothingBack(string from, string to)
    {
        // A draft took nothing; an order confirmed before reservations existed (stock_reserved false) took nothing either.
        var (client, db, merchant) = await ArrangeAsync();
        await using var _ = db;
        var bag = await SeedProductAsync(db, merchant, "BAG", "Bag", stock: 2);
        var order = await SeedDraftAsync(db, merchant, (bag, 1));
        await using (var status = db.CreateCommand("UPDATE orders SET status = $2 WHERE id = $1"))
        {
            status.Parameters.AddWithValue(order);
            status.Parameters.AddWithValue(from);
            await status.ExecuteNonQueryAsync();
        }

        using var response = await client.PatchAsJsonAsync($"/api/orders/{order}", new { status = to }, Timeout());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, await StockAsync(db, bag));
    }

    [Fact]
    public async Task TwentyConcurrentConfirmationsOfTheLastThreeUnitsLetExactlyThreeThrough()
    {
        var (client, db, merchant) = await ArrangeAsync();
        await using var _ = db;
        var bag = await SeedProductAsync(db, merchant, "BAG", "Last Bags", stock: 3);
        var orders = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            orders.Add(await SeedDraftAsync(db, merchant, (bag, 1)));
        }

        var statuses = await Task.WhenAll(orders.Select(async order =>
        {
            using var response = await client.PatchAsJsonAsync($"/api/orders/{order}", new { status = "confirmed" }, Timeout());
            return response.StatusCode;
        }));

        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(17, statuses.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal(0, await StockAsync(db, bag));
        Assert.Equal(3, await CountAsync(db, "SELECT count(*) FROM orders WHERE id = ANY($1) AND status = 'confirmed' AND stock_reserved", orders));
    }

    [Fact]
    public async Task TwentyConcurrentReservationsOnTwentyConnectionsNeverOversellAndNeverDeadlock()
    {
        // Each order holds both products, half of them inserted in the other order: lock order must not depend on it.
        var (_, db, merchant) = await ArrangeAsync();
        await using var __ = db;
        var scarce = await SeedProductAsync(db, merchant, "SCARCE", "Scarce", stock: 3);
        var plenty = await SeedProductAsync(db, merchant, "PLENTY", "Plenty", stock: 100);
        var orders = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            orders.Add(i % 2 == 0 ? await SeedDraftAsync(db, merchant, (scarce, 1), (plenty, 2)) : await SeedDraftAsync(db, merchant, (plenty, 2), (scarce, 1)));
        }

        using var start = new SemaphoreSlim(0);
        var attempts = orders.Select(async order =>
        {
            await using var connection = await db.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await start.WaitAsync();
            var reservation = await OrderStock.ReserveAsync(transaction, order, Timeout());
            await transaction.CommitAsync();
            return reservation;
        }).ToList();
        start.Release(orders.Count);
        var results = await Task.WhenAll(attempts);

        Assert.Equal(3, results.Count(r => r.Reserved));
        Assert.All(results.Where(r => !r.Reserved), r => Assert.Equal(scarce, Assert.Single(r.Shortages).ProductId));
        Assert.Equal(0, await StockAsync(db, scarce));
        Assert.Equal(94, await StockAsync(db, plenty));
    }

    [Fact]
    public async Task ReservingAnOrderThatAlreadyHoldsItsStockTakesNothingMore()
    {
        var (_, db, merchant) = await ArrangeAsync();
        await using var __ = db;
        var bag = await SeedProductAsync(db, merchant, "BAG", "Bag", stock: 5);
        var order = await SeedDraftAsync(db, merchant, (bag, 2));

        var first = await ReserveAsync(db, order);
        var second = await ReserveAsync(db, order);

        Assert.True(first is { Reserved: true, AlreadyHeld: false });
        Assert.True(second is { Reserved: true, AlreadyHeld: true });
        Assert.Equal(3, await StockAsync(db, bag));
    }

    private static async Task<StockReservation> ReserveAsync(NpgsqlDataSource db, Guid order)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var reservation = await OrderStock.ReserveAsync(transaction, order, Timeout());
        await transaction.CommitAsync();
        return reservation;
    }

    private async Task<(HttpClient Client, NpgsqlDataSource Db, Guid Merchant)> ArrangeAsync()
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        return (fixture.Api.CreateMerchantClient(merchant.ApiKey), fixture.Platform.CreateDataSource(), merchant.Id);
    }
}
