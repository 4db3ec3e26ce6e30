using System.Collections.Concurrent;
using System.Net;
using FlashSale.Tests.Infrastructure;
using Xunit.Abstractions;

namespace FlashSale.Tests.Sales;

/// <summary>
/// A paid sale through crashes: the silo SIGKILLed while notifications are being processed and again
/// while deadlines fall due, PostgreSQL killed and restarted, every channel of the gateway down
/// across the deadlines. Nothing lost (every capture in time a coupon, every lapsed unit back),
/// nothing doubled (one coupon per order, one refund per late capture), and the statements reconcile.
/// </summary>
[Trait("Tier", "EndToEnd")]
[Collection(PaidSaleCollection.Name)]
public sealed class PaidSaleCrashTests(PaidSaleSystem system, ITestOutputHelper output)
{
    private const int Stock = 200;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(25);

    [Fact]
    public async Task Silo_kills_a_database_crash_and_the_gateway_down_lose_nothing_and_double_nothing()
    {
        var campaign = await system.CreateCampaignAsync(Stock, price: new { cash = 29.9m }, payment: new { window = Window });
        var books = new PaidSaleBooks(system, campaign);
        var race = await ClaimRace.PrepareAsync(system, campaign, Stock);
        try
        {
            using var client = system.Client(maxConnections: 32);
            await race.RunAsync(client);
            var orders = race.Endings.Where(e => e.Status == HttpStatusCode.Created).ToList();
            Assert.Equal(Stock, orders.Count);
            var started = DateTimeOffset.UtcNow;

            // 150 pay in time, 25 pay late, 25 never start paying. Notifications come slowly and twice.
            var payers = orders.Take(150).ToList();
            var late = orders.Skip(150).Take(25).ToList();
            var payUrls = new ConcurrentDictionary<Guid, string>();
            await Parallel.ForEachAsync(payers.Concat(late), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (order, _) =>
                payUrls[order.CouponId!.Value] = await PaidSaleBooks.StartPaymentAsync(client, race.TokenOf(order.Shopper), order.CouponId!.Value));
            await system.FaultsAsync(new { delayMs = 1500, duplicate = 0.5 });
            var paidInTime = new ConcurrentBag<Guid>();
            await Parallel.ForEachAsync(payers, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (order, _) =>
            {
                if ((await system.PayAsync(payUrls[order.CouponId!.Value])).IsSuccessStatusCode)
                {
                    paidInTime.Add(order.CouponId!.Value);
                }
            });
            Assert.Equal(payers.Count, paidInTime.Count);

            // The silo dies while the delayed notifications arrive.
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            await system.Silo.KillAsync();
            output.WriteLine($"silo killed {DateTimeOffset.UtcNow - started:g} after the orders");
            // Every channel down across the deadlines (from before the silo is back, however long it takes):
            // orders with a payment wait for their gateway to confirm the close; notifications wait too.
            await system.FaultsAsync(new { down = true });
            await system.StartSiloAsync();
            var deadline = started + Window;
            if (deadline - DateTimeOffset.UtcNow is { } untilDeadline && untilDeadline > TimeSpan.Zero)
            {
                await Task.Delay(untilDeadline + TimeSpan.FromSeconds(1));
            }

            var everyOrder = orders.Select(o => o.CouponId!.Value).ToHashSet();
            var startedIds = payUrls.Keys.ToHashSet();
            // The 25 that never started paying lapse at once; those with a payment stay held while their gateway is down.
            await Eventually.ReturnsAsync(() => books.StatusCountAsync(everyOrder, "expired"), n => n >= Stock - startedIds.Count, TimeSpan.FromSeconds(30));
            Assert.Equal(0, await books.StatusCountAsync(late.Select(o => o.CouponId!.Value).ToHashSet(), "expired"));

            // Deadlines falling due: the silo dies again, then the database.
            await system.Silo.KillAsync();
            await TestDatabase.CrashAndRestartAsync();
            // This test's own pooled connections died with the server.
            system.Database.Clear();
            await system.StartSiloAsync();
            await system.FaultsAsync(new { down = false });

            var lateIds = late.Select(o => o.CouponId!.Value).ToHashSet();
            await Eventually.ReturnsAsync(() => books.StatusCountAsync(lateIds, "expired"), n => n == lateIds.Count, TimeSpan.FromSeconds(90));
            await Parallel.ForEachAsync(late, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (order, _) =>
                Assert.True((await system.PayAsync(payUrls[order.CouponId!.Value], late: true)).IsSuccessStatusCode));

            await Eventually.ReturnsAsync(() => books.StatusCountAsync(everyOrder, "pending_payment"), n => n == 0, TimeSpan.FromSeconds(90));
            await Eventually.ReturnsAsync(() => books.LateRefundedOrdersAsync(), refunded => refunded.Count >= lateIds.Count, TimeSpan.FromSeconds(90));
            await Eventually.ReturnsAsync(() => books.UnfinishedRefundsAsync(), n => n == 0, TimeSpan.FromSeconds(90));

            Assert.Equal(paidInTime.Order(), (await books.PaidOrdersAsync()).Order());
            Assert.Equal(Stock - paidInTime.Count, await books.StatusCountAsync(everyOrder, "expired"));
            Assert.Equal(lateIds.Order(), (await books.LateRefundedOrdersAsync()).Order());
            await books.AssertBalancedAsync();
            var view = await books.SettledCampaignAsync();
            Assert.Equal((paidInTime.Count, Stock - paidInTime.Count), (view.GetProperty("issued").GetInt32(), view.GetProperty("remaining").GetInt32()));

            await books.AssertReconciledAsync(everyOrder, output.WriteLine);
        }
        finally
        {
            await system.FaultsAsync(new { down = false, delayMs = 0, duplicate = 0.0 });
            await system.EnsureRunningAsync();
        }
    }
}
