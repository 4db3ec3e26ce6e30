using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;
using Xunit.Abstractions;

namespace FlashSale.Tests.Sales;

/// <summary>
/// The race of issue 19: 5,000 shoppers on 1,000 priced units; of the orders, 30% never paid, 10%
/// paid after their deadline, the rest in time; notifications duplicated and reordered; one channel
/// down mid-sale. Judged in the database and against the gateway's own statement.
/// </summary>
[Trait("Tier", "EndToEnd")]
[Collection(PaidSaleCollection.Name)]
public sealed class PaidSaleRaceTests(PaidSaleSystem system, ITestOutputHelper output)
{
    private const int Stock = 1_000;
    private const int Shoppers = 5_000;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Paid_in_time_are_issued_late_payers_refunded_lapsed_units_back_and_the_statement_reconciles()
    {
        var campaign = await system.CreateCampaignAsync(Stock, price: new { cash = 9.9m }, payment: new { window = Window });
        var race = await ClaimRace.PrepareAsync(system, campaign, Shoppers);
        var books = new PaidSaleBooks(system, campaign);
        await system.FaultsAsync(new { duplicate = 0.3, reorder = true });
        try
        {
            using var client = system.Client(maxConnections: 64);
            await race.RunAsync(client);
            var orders = race.Endings.Where(e => e.Status == HttpStatusCode.Created).ToList();
            Assert.Equal(Stock, orders.Count);
            Assert.All(race.Endings.Where(e => e.Status != HttpStatusCode.Created), e => Assert.Equal("sold_out", e.Code));

            // 60% pay in time, 10% pay after the deadline, 30% never pay (of them, half never even start a payment).
            var payers = orders.Take(600).ToList();
            var late = orders.Skip(600).Take(100).ToList();
            var startOnly = orders.Skip(700).Take(150).ToList();
            var payUrls = new ConcurrentDictionary<Guid, string>();
            var channelDown = false;
            var started = 0;
            await Parallel.ForEachAsync(payers.Concat(late).Concat(startOnly), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (order, _) =>
            {
                // Mid-sale one channel goes down: its breaker opens, and the payments after go to the other one.
                if (Interlocked.Increment(ref started) == 400 && !channelDown)
                {
                    channelDown = true;
                    await system.FaultsAsync(new { channel = "alipay", down = true });
                }

                payUrls[order.CouponId!.Value] = await PaidSaleBooks.StartPaymentAsync(client, race.TokenOf(order.Shopper), order.CouponId!.Value);
            });
            Assert.Contains(payUrls.Values, url => url.Contains("/pay/alipay/", StringComparison.Ordinal));
            Assert.Contains(payUrls.Values, url => url.Contains("/pay/wechat/", StringComparison.Ordinal));
            // Admins see why: after the failure, the cheaper channel was tried and failed, or passed over with its breaker open.
            var rerouted = payUrls.First(p => p.Value.Contains("/pay/wechat/", StringComparison.Ordinal)).Key;
            using (var admin = system.Client(await system.TokenAsync("router-auditor", "admin")))
            {
                var route = (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/payments/routes?orderId={rerouted}"))[0];
                Assert.Equal("wechat", route.GetProperty("channel").GetString());
                var alipay = route.GetProperty("considered").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "alipay");
                var reason = alipay.GetProperty("reason").GetString();
                Assert.True(reason is "failed" or "breaker_open", reason);
            }

            var paidInTime = new ConcurrentBag<Guid>();
            await Parallel.ForEachAsync(payers, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (order, _) =>
            {
                if ((await system.PayAsync(payUrls[order.CouponId!.Value])).IsSuccessStatusCode)
                {
                    paidInTime.Add(order.CouponId!.Value);
                }
            });
            Assert.Equal(payers.Count, paidInTime.Count);
            // Back up while its orders still wait: their notifications were held, and the deadline asks the gateway before it closes.
            await system.FaultsAsync(new { channel = "alipay", down = false });

            var lateIds = late.Select(o => o.CouponId!.Value).ToHashSet();
            await Eventually.ReturnsAsync(() => books.StatusCountAsync(lateIds, "expired"), n => n == lateIds.Count, Window + TimeSpan.FromSeconds(60));
            await Parallel.ForEachAsync(late, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (order, _) =>
                Assert.True((await system.PayAsync(payUrls[order.CouponId!.Value], late: true)).IsSuccessStatusCode));

            var everyOrder = orders.Select(o => o.CouponId!.Value).ToHashSet();
            await Eventually.ReturnsAsync(() => books.StatusCountAsync(everyOrder, "pending_payment"), n => n == 0, TimeSpan.FromSeconds(60));
            // The late captures' notifications come when they come (duplicated, reordered): each must end as a refund that went through.
            await Eventually.ReturnsAsync(() => books.LateRefundedOrdersAsync(), refunded => refunded.Count >= lateIds.Count, TimeSpan.FromSeconds(60));
            await Eventually.ReturnsAsync(() => books.UnfinishedRefundsAsync(), n => n == 0, TimeSpan.FromSeconds(60));

            Assert.Equal(paidInTime.Count, await books.StatusCountAsync(everyOrder, "paid"));
            Assert.Equal(Stock - paidInTime.Count, await books.StatusCountAsync(everyOrder, "expired"));
            Assert.Equal(paidInTime.Order(), (await books.PaidOrdersAsync()).Order());
            Assert.Equal(lateIds.Order(), (await books.LateRefundedOrdersAsync()).Order());
            await books.AssertBalancedAsync();

            var view = await books.SettledCampaignAsync();
            Assert.Equal((paidInTime.Count, 0, Stock - paidInTime.Count),
                (view.GetProperty("issued").GetInt32(), view.GetProperty("held").GetInt32(), view.GetProperty("remaining").GetInt32()));

            await books.AssertReconciledAsync(everyOrder, output.WriteLine);
        }
        finally
        {
            await system.FaultsAsync(new { down = false, duplicate = 0.0, reorder = false });
        }
    }
}
