using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
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
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Paid_in_time_are_issued_late_payers_refunded_lapsed_units_back_and_the_statement_reconciles()
    {
        var campaign = await system.CreateCampaignAsync(Stock, price: new { cash = 9.9m }, payment: new { window = Window });
        var race = await ClaimRace.PrepareAsync(system, campaign, Shoppers);
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

                payUrls[order.CouponId!.Value] = await StartPaymentAsync(client, race.TokenOf(order.Shopper), order.CouponId!.Value);
            });
            Assert.Contains(payUrls.Values, url => url.Contains("/pay/alipay/", StringComparison.Ordinal));
            Assert.Contains(payUrls.Values, url => url.Contains("/pay/wechat/", StringComparison.Ordinal));

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
            await Eventually.ReturnsAsync(() => StatusCountAsync(lateIds, "expired"), n => n == lateIds.Count, Window + TimeSpan.FromSeconds(60));
            await Parallel.ForEachAsync(late, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (order, _) =>
                Assert.True((await system.PayAsync(payUrls[order.CouponId!.Value], late: true)).IsSuccessStatusCode));

            var everyOrder = orders.Select(o => o.CouponId!.Value).ToHashSet();
            await Eventually.ReturnsAsync(() => StatusCountAsync(everyOrder, "pending_payment"), n => n == 0, TimeSpan.FromSeconds(60));
            // The late captures' notifications come when they come (duplicated, reordered): each must end as a refund that went through.
            await Eventually.ReturnsAsync(() => RefundedOrdersAsync(campaign), refunded => refunded.Count >= lateIds.Count, TimeSpan.FromSeconds(60));
            await Eventually.ReturnsAsync(() => UnfinishedRefundsAsync(campaign), n => n == 0, TimeSpan.FromSeconds(60));

            Assert.Equal(paidInTime.Count, await StatusCountAsync(everyOrder, "paid"));
            Assert.Equal(Stock - paidInTime.Count, await StatusCountAsync(everyOrder, "expired"));
            Assert.Equal(paidInTime.Order(), (await PaidOrdersAsync(campaign)).Order());
            Assert.Equal(lateIds.Order(), (await RefundedOrdersAsync(campaign)).Order());
            await AssertBooksBalanceAsync(campaign);

            var view = await Eventually.ReturnsAsync(() => CampaignAsync(campaign), c => c.GetProperty("held").GetInt32() == 0);
            Assert.Equal((paidInTime.Count, 0, Stock - paidInTime.Count),
                (view.GetProperty("issued").GetInt32(), view.GetProperty("held").GetInt32(), view.GetProperty("remaining").GetInt32()));

            var reports = await ReconcileTodayAsync();
            foreach (var report in reports.EnumerateArray())
            {
                output.WriteLine($"{report.GetProperty("channel")}: {report.GetProperty("statementRows")} rows, {report.GetProperty("matched")} matched");
                Assert.Empty(report.GetProperty("differences").EnumerateArray());
            }
        }
        finally
        {
            await system.FaultsAsync(new { down = false, duplicate = 0.0, reorder = false });
        }
    }

    private static async Task<string> StartPaymentAsync(HttpClient client, string token, Guid order)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/orders/{order}/payment");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            // While the failing channel's breaker has not opened yet, a payment that found it down is refused; asked again, it goes elsewhere.
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < 10)
            {
                continue;
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return body.GetProperty("payUrl").GetString()!;
        }
    }

    private async Task<int> StatusCountAsync(IReadOnlyCollection<Guid> orders, string status)
    {
        await using var command = system.Database.CreateCommand("SELECT count(*)::integer FROM sale_orders WHERE order_id = ANY(@orders) AND status = @status");
        command.Parameters.AddWithValue("orders", orders.ToArray());
        command.Parameters.AddWithValue("status", status);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    private async Task<int> UnfinishedRefundsAsync(Guid campaign)
    {
        await using var command = system.Database.CreateCommand(
            """
            SELECT count(*)::integer FROM sale_refunds r JOIN sale_payments p USING (channel, out_trade_no) JOIN sale_orders o USING (order_id)
             WHERE o.campaign_id = @campaign AND r.status <> 'succeeded'
            """);
        command.Parameters.AddWithValue("campaign", campaign);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Orders whose coupon is usable: exactly the ones paid in time.</summary>
    private async Task<List<Guid>> PaidOrdersAsync(Guid campaign) => await IdsAsync(
        "SELECT coupon_id FROM coupons WHERE campaign_id = @campaign AND sale_state IS NULL", campaign);

    /// <summary>Orders refunded because paid after their deadline or once closed (the gateway's times are whole seconds).</summary>
    private async Task<List<Guid>> RefundedOrdersAsync(Guid campaign) => await IdsAsync(
        """
        SELECT DISTINCT p.order_id FROM sale_refunds r JOIN sale_payments p USING (channel, out_trade_no) JOIN sale_orders o USING (order_id)
         WHERE o.campaign_id = @campaign AND r.reason IN ('late', 'closed') AND r.status = 'succeeded'
        """, campaign);

    private async Task<List<Guid>> IdsAsync(string sql, Guid campaign)
    {
        await using var command = system.Database.CreateCommand(sql);
        command.Parameters.AddWithValue("campaign", campaign);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    /// <summary>The paid-sale invariants, in SQL: every one must count zero rows.</summary>
    private async Task AssertBooksBalanceAsync(Guid campaign)
    {
        string[] breaches =
        [
            // Every capture ended as a coupon or a refund; a coupon capture belongs to a paid order.
            "SELECT count(*) FROM sale_payments p JOIN sale_orders o USING (order_id) WHERE o.campaign_id = @campaign AND p.transaction_id IS NOT NULL AND p.settlement IS NULL",
            "SELECT count(*) FROM sale_payments p JOIN sale_orders o USING (order_id) WHERE o.campaign_id = @campaign AND p.settlement = 'coupon' AND o.status <> 'paid'",
            "SELECT count(*) FROM sale_payments p JOIN sale_orders o USING (order_id) WHERE o.campaign_id = @campaign AND p.settlement = 'refund' AND NOT EXISTS (SELECT 1 FROM sale_refunds r WHERE r.channel = p.channel AND r.out_trade_no = p.out_trade_no)",
            // No coupon without a captured payment; every paid order has one coupon capture.
            "SELECT count(*) FROM coupons c WHERE c.campaign_id = @campaign AND c.sale_state IS NULL AND NOT EXISTS (SELECT 1 FROM sale_payments p WHERE p.order_id = c.coupon_id AND p.settlement = 'coupon')",
            "SELECT count(*) FROM sale_orders o WHERE o.campaign_id = @campaign AND o.status = 'paid' AND (SELECT count(*) FROM sale_payments p WHERE p.order_id = o.order_id AND p.settlement = 'coupon') <> 1",
            // Every lapsed order's unit went back once; the stock adds up.
            "SELECT count(*) FROM sale_orders o WHERE o.campaign_id = @campaign AND o.status = 'expired' AND NOT EXISTS (SELECT 1 FROM recycled_coupons r WHERE r.coupon_id = o.order_id AND r.reason = 'unpaid')",
            "SELECT count(*) FROM campaign_stock s WHERE s.campaign_id = @campaign AND (s.orders_lapsed <> (SELECT count(*) FROM sale_orders o WHERE o.campaign_id = s.campaign_id AND o.status = 'expired') OR s.orders_paid <> (SELECT count(*) FROM sale_orders o WHERE o.campaign_id = s.campaign_id AND o.status = 'paid'))",
        ];
        foreach (var sql in breaches)
        {
            await using var command = system.Database.CreateCommand(sql);
            command.Parameters.AddWithValue("campaign", campaign);
            Assert.True((long)(await command.ExecuteScalarAsync())! == 0, sql);
        }
    }

    private async Task<JsonElement> CampaignAsync(Guid campaign)
    {
        using var client = system.Client(await system.TokenAsync("viewer", "shopper"));
        return await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}");
    }

    private async Task<JsonElement> ReconcileTodayAsync()
    {
        using var admin = system.Client(await system.TokenAsync("auditor", "admin"));
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var response = await admin.PostAsJsonAsync("/api/admin/payments/reconciliations", new { date = today });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
