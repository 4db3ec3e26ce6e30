using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Sales;

/// <summary>
/// What the paid-sale race and crash tests judge a sale by: the orders, payments and refunds in the
/// database, the paid-sale invariants as SQL that must count no rows, and the gateways' statements.
/// </summary>
public sealed class PaidSaleBooks(PaidSaleSystem system, Guid campaign)
{
    public async Task<int> StatusCountAsync(IReadOnlyCollection<Guid> orders, string status)
    {
        await using var command = system.Database.CreateCommand("SELECT count(*)::integer FROM sale_orders WHERE order_id = ANY(@orders) AND status = @status");
        command.Parameters.AddWithValue("orders", orders.ToArray());
        command.Parameters.AddWithValue("status", status);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    public async Task<int> UnfinishedRefundsAsync()
    {
        await using var command = system.Database.CreateCommand(
            """
            SELECT count(*)::integer FROM sale_refunds r JOIN sale_payments p USING (channel, out_trade_no) JOIN sale_orders o USING (order_id)
             WHERE o.campaign_id = @campaign AND r.status <> 'succeeded'
            """);
        command.Parameters.AddWithValue("campaign", campaign);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Orders whose coupon is usable.</summary>
    public Task<List<Guid>> PaidOrdersAsync() => IdsAsync("SELECT coupon_id FROM coupons WHERE campaign_id = @campaign AND sale_state IS NULL");

    /// <summary>Orders refunded because paid after their deadline or once closed (the gateway's times are whole seconds).</summary>
    public Task<List<Guid>> LateRefundedOrdersAsync() => IdsAsync(
        """
        SELECT DISTINCT p.order_id FROM sale_refunds r JOIN sale_payments p USING (channel, out_trade_no) JOIN sale_orders o USING (order_id)
         WHERE o.campaign_id = @campaign AND r.reason IN ('late', 'closed') AND r.status = 'succeeded'
        """);

    /// <summary>The paid-sale invariants, in SQL: each must count zero rows.</summary>
    public async Task AssertBalancedAsync()
    {
        string[] breaches =
        [
            // Every capture ended as a coupon or a refund; a coupon capture belongs to a paid (or since refunded) order.
            "SELECT count(*) FROM sale_payments p JOIN sale_orders o USING (order_id) WHERE o.campaign_id = @campaign AND p.transaction_id IS NOT NULL AND p.settlement IS NULL",
            "SELECT count(*) FROM sale_payments p JOIN sale_orders o USING (order_id) WHERE o.campaign_id = @campaign AND p.settlement = 'coupon' AND o.status NOT IN ('paid', 'refunded')",
            "SELECT count(*) FROM sale_payments p JOIN sale_orders o USING (order_id) WHERE o.campaign_id = @campaign AND p.settlement = 'refund' AND NOT EXISTS (SELECT 1 FROM sale_refunds r WHERE r.channel = p.channel AND r.out_trade_no = p.out_trade_no)",
            // No coupon without a captured payment; every paid order has exactly one coupon capture.
            "SELECT count(*) FROM coupons c WHERE c.campaign_id = @campaign AND c.sale_state IS NULL AND NOT EXISTS (SELECT 1 FROM sale_payments p WHERE p.order_id = c.coupon_id AND p.settlement = 'coupon')",
            "SELECT count(*) FROM sale_orders o WHERE o.campaign_id = @campaign AND o.status = 'paid' AND (SELECT count(*) FROM sale_payments p WHERE p.order_id = o.order_id AND p.settlement = 'coupon') <> 1",
            // Every lapsed order's unit went back once; the counters agree with the orders.
            "SELECT count(*) FROM sale_orders o WHERE o.campaign_id = @campaign AND o.status = 'expired' AND NOT EXISTS (SELECT 1 FROM recycled_coupons r WHERE r.coupon_id = o.order_id AND r.reason = 'unpaid')",
            "SELECT count(*) FROM campaign_stock s WHERE s.campaign_id = @campaign AND (s.orders_lapsed <> (SELECT count(*) FROM sale_orders o WHERE o.campaign_id = s.campaign_id AND o.status = 'expired') OR s.orders_paid <> (SELECT count(*) FROM sale_orders o WHERE o.campaign_id = s.campaign_id AND o.status IN ('paid', 'refunded')))",
        ];
        foreach (var sql in breaches)
        {
            await using var command = system.Database.CreateCommand(sql);
            command.Parameters.AddWithValue("campaign", campaign);
            Assert.True((long)(await command.ExecuteScalarAsync())! == 0, sql);
        }
    }

    /// <summary>The campaign as shoppers see it, after its held orders have settled.</summary>
    public async Task<JsonElement> SettledCampaignAsync()
    {
        using var client = system.Client(await system.TokenAsync("viewer", "shopper"));
        return await Eventually.ReturnsAsync(() => client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}"),
            c => c.GetProperty("held").GetInt32() == 0);
    }

    /// <summary>
    /// Today's statements reconciled against our books, every channel; asserts that none of this
    /// sale's trades differs (other tests of the day leave differences of their own on purpose).
    /// </summary>
    public async Task AssertReconciledAsync(IReadOnlyCollection<Guid> orders, Action<string> say)
    {
        var ours = orders.Select(o => o.ToString("N")).ToHashSet(StringComparer.Ordinal);
        foreach (var report in (await ReconcileTodayAsync()).EnumerateArray())
        {
            say($"{report.GetProperty("channel")}: {report.GetProperty("statementRows")} rows, {report.GetProperty("matched")} matched");
            Assert.DoesNotContain(report.GetProperty("differences").EnumerateArray(), d => ours.Contains(d.GetProperty("outTradeNo").GetString()!));
        }
    }

    /// <summary>Today's statements (China's day) reconciled against our books, every channel.</summary>
    public async Task<JsonElement> ReconcileTodayAsync()
    {
        using var admin = system.Client(await system.TokenAsync("auditor", "admin"));
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var response = await admin.PostAsJsonAsync("/api/admin/payments/reconciliations", new { date = today });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var run = await response.Content.ReadFromJsonAsync<JsonElement>();

        // What admins read afterwards is that run: the latest per channel, and the report as a file.
        var latest = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/payments/reconciliations?date={today}");
        Assert.Equal(Summary(run), Summary(latest));
        using var csv = await admin.GetAsync($"/api/admin/payments/reconciliations/{today}.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + run.EnumerateArray().Sum(r => r.GetProperty("differences").GetArrayLength()), lines.Length);
        return run;
    }

    private static string Summary(JsonElement reports) => string.Join(";", reports.EnumerateArray()
        .Select(r => $"{r.GetProperty("channel")}:{r.GetProperty("statementRows")}:{r.GetProperty("matched")}:{r.GetProperty("differences").GetArrayLength()}")
        .Order(StringComparer.Ordinal));

    /// <summary>A payment of the order started; a 503 (every channel failing right then) is asked again, as a shopper would.</summary>
    public static async Task<string> StartPaymentAsync(HttpClient client, string token, Guid order)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/orders/{order}/payment");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < 20)
            {
                await Task.Delay(250);
                continue;
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("payUrl").GetString()!;
        }
    }

    private async Task<List<Guid>> IdsAsync(string sql)
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
}
