using FlashSale.Grains.Campaigns;
using FlashSale.Grains.Ledger;

namespace FlashSale.UnitTests.Campaigns;

/// <summary>The ledger reads of shoppers a campaign activation does not hold: many per read, and a failed read fails only its own.</summary>
public sealed class ShopperLookupsTests
{
    private static readonly LedgerShoppers Nothing = new([], new Dictionary<string, int>(StringComparer.Ordinal));

    [Fact]
    public async Task Shoppers_asked_for_while_a_read_is_in_flight_share_the_next_read()
    {
        var reads = new List<string[]>();
        var firstRead = new TaskCompletionSource<LedgerShoppers>();
        var firstReadStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var known = new List<string>();
        var lookups = new ShopperLookups(
            ids =>
            {
                reads.Add([.. ids]);
                firstReadStarted.TrySetResult();
                return reads.Count == 1 ? firstRead.Task : Task.FromResult(Nothing);
            },
            (ids, _) => known.AddRange(ids));

        var amy = lookups.ReadAsync("amy");
        await firstReadStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var ben = lookups.ReadAsync("ben");
        var carl = lookups.ReadAsync("carl");
        var amyAgain = lookups.ReadAsync("amy");
        firstRead.SetResult(Nothing);
        await Task.WhenAll(amy, ben, carl, amyAgain);

        Assert.Equal([["amy"], ["ben", "carl"]], reads.Select(r => r.Order(StringComparer.Ordinal).ToArray()));
        Assert.Equal("amy ben carl", string.Join(" ", known.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task A_failed_read_fails_the_shoppers_it_carried_and_the_next_read_goes_ahead()
    {
        var calls = 0;
        var lookups = new ShopperLookups(
            _ => ++calls == 1 ? Task.FromException<LedgerShoppers>(new TimeoutException("database away")) : Task.FromResult(Nothing),
            (_, _) => { });

        await Assert.ThrowsAsync<TimeoutException>(() => lookups.ReadAsync("amy"));
        await lookups.ReadAsync("amy");
        Assert.Equal(2, calls);
    }
}
