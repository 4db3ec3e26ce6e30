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
    public Task A_failed_read_fails_the_shoppers_it_carried_and_the_next_read_goes_ahead() => OneTurnAtATime(async turns =>
    {
        var calls = 0;
        var lookups = new ShopperLookups(
            _ => ++calls == 1 ? Task.FromException<LedgerShoppers>(new TimeoutException("database away")) : Task.FromResult(Nothing),
            (_, _) => { });

        // Awaited here, not in Assert.ThrowsAsync, so that what follows runs on this test's turns too.
        TimeoutException? failed = null;
        try
        {
            await lookups.ReadAsync("amy");
        }
        catch (TimeoutException e)
        {
            failed = e;
        }

        Assert.NotNull(failed);
        Assert.Same(TaskScheduler.Current, turns);
        await lookups.ReadAsync("amy");
        Assert.Equal(2, calls);
    });

    // As on its grain: one turn at a time, each continuation after the turn before it. On the thread pool, the
    // waiter's continuation could ask again while the failed round was still being wound up on another thread.
    private static Task OneTurnAtATime(Func<TaskScheduler, Task> test)
    {
        var turns = new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler;
        return Task.Factory.StartNew(() => test(turns), CancellationToken.None, TaskCreationOptions.None, turns).Unwrap();
    }
}
