using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;
using Npgsql;

namespace FlashSale.Tests.Sales;

/// <summary>
/// Paid sales end to end, with the sandbox gateway as its own process: a claim places an order that
/// holds a unit; paid in time it becomes a coupon; left unpaid, its unit comes back once; paid late,
/// the money goes back and no coupon is issued.
/// </summary>
[Trait("Tier", "EndToEnd")]
[Collection(PaidSaleCollection.Name)]
public sealed class PaidSaleTests(PaidSaleSystem system)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task An_order_paid_in_time_becomes_a_coupon_and_one_left_unpaid_gives_its_unit_back_once()
    {
        var campaign = await PaidCampaignAsync(stock: 2);
        using var payer = system.Client(await system.TokenAsync("payer-" + Guid.NewGuid().ToString("N")[..8], "shopper"));
        using var idler = system.Client(await system.TokenAsync("idler-" + Guid.NewGuid().ToString("N")[..8], "shopper"));

        var paidKey = "paid-" + Guid.NewGuid().ToString("N");
        var paid = await OrderAsync(payer, campaign, exactKey: paidKey);
        var unpaid = await OrderAsync(idler, campaign);
        var held = await CampaignAsync(campaign);
        Assert.Equal((0, 2, 0), (held.GetProperty("issued").GetInt32(), held.GetProperty("held").GetInt32(), held.GetProperty("remaining").GetInt32()));
        // Held, not issued: the wallet does not show it, and the claim gave no code.
        Assert.Empty(await payer.WholeWalletAsync());

        var payUrl = await StartPaymentAsync(payer, paid);
        Assert.Equal(HttpStatusCode.OK, (await system.PayAsync(payUrl)).StatusCode);
        var order = await OrderStatusAsync(payer, paid, "paid");
        Assert.Equal(paid, order.GetProperty("couponId").GetGuid());
        var coupon = Assert.Single(await payer.WholeWalletAsync());
        Assert.Equal(paid, coupon.GetProperty("couponId").GetGuid());
        Assert.False(string.IsNullOrEmpty(coupon.GetProperty("code").GetString()));
        // The claim replayed: the same order, whose status the answer no longer claims to know, and still no code in it.
        var replay = await payer.ClaimAsync(campaign, paidKey);
        Assert.Equal(HttpStatusCode.Created, replay.Status);
        Assert.Equal(paid, replay.Body.GetProperty("order").GetProperty("orderId").GetGuid());
        Assert.False(replay.Body.GetProperty("order").TryGetProperty("status", out _));
        Assert.False(replay.Body.TryGetProperty("code", out var replayedCode) && replayedCode.ValueKind == JsonValueKind.String);

        await OrderStatusAsync(idler, unpaid, "expired");
        var after = await Eventually.ReturnsAsync(() => CampaignAsync(campaign), c => c.GetProperty("held").GetInt32() == 0);
        Assert.Equal((1, 0, 1, 2), (after.GetProperty("issued").GetInt32(), after.GetProperty("held").GetInt32(),
            after.GetProperty("remaining").GetInt32(), after.GetProperty("totalStock").GetInt32()));
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM recycled_coupons WHERE campaign_id = @id AND reason = 'unpaid'", campaign));

        // The unit is back: another shopper gets it.
        using var third = system.Client(await system.TokenAsync("third-" + Guid.NewGuid().ToString("N")[..8], "shopper"));
        await OrderAsync(third, campaign);
    }

    [Fact]
    public async Task A_payment_after_the_deadline_is_refunded_and_issues_no_coupon()
    {
        var campaign = await PaidCampaignAsync(stock: 1);
        using var shopper = system.Client(await system.TokenAsync("late-" + Guid.NewGuid().ToString("N")[..8], "shopper"));
        var order = await OrderAsync(shopper, campaign);
        var payUrl = await StartPaymentAsync(shopper, order);
        await OrderStatusAsync(shopper, order, "expired");

        // Closed at the gateway by the deadline: an ordinary payment is refused there...
        Assert.Equal(HttpStatusCode.BadRequest, (await system.PayAsync(payUrl)).StatusCode);
        // ...but one that slipped in before the close reached the gateway is captured, and must be refunded.
        Assert.Equal(HttpStatusCode.OK, (await system.PayAsync(payUrl, late: true)).StatusCode);
        var refund = await Eventually.ReturnsAsync(
            () => ScalarAsync<string?>(
                "SELECT r.status || ':' || r.reason FROM sale_refunds r JOIN sale_payments p USING (channel, out_trade_no) WHERE p.order_id = @id",
                order),
            status => status?.StartsWith("succeeded:", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(30));
        // Late by the gateway's clock, or (its times are whole seconds) for an order already closed: refunded either way.
        Assert.True(refund is "succeeded:late" or "succeeded:closed", refund);
        Assert.Equal("expired", (await OrderAsync(shopper, order, read: true)).GetProperty("status").GetString());
        Assert.Empty(await shopper.WholeWalletAsync());
        Assert.Equal("REFUND", (await system.TradeAsync(payUrl.Split('/')[^2], order.ToString("N"))).GetProperty("trade_state").GetString());
    }

    [Fact]
    public async Task A_held_coupon_cannot_be_used_and_an_unused_paid_one_is_refunded_once_with_its_unit_back()
    {
        var campaign = await system.CreateCampaignAsync(2, perUserLimit: 2, coupon: new { kind = "fixed", currency = "CNY", amountOff = 30 }, price: new { cash = 9.9m },
            payment: new { window = TimeSpan.FromMinutes(5), refundsReturnStock = true });
        using var shopper = system.Client(await system.TokenAsync("refunder-" + Guid.NewGuid().ToString("N")[..8], "shopper"));
        var kept = await OrderAsync(shopper, campaign);
        var returned = await OrderAsync(shopper, campaign, key: "second");

        // Held: not the shopper's to use, give away or refund yet.
        Assert.Equal(HttpStatusCode.NotFound, (await shopper.RedeemAsync(kept, "till-1", 100)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await shopper.TransferAsync(kept, "a-friend")).Status);
        Assert.Equal("order_not_paid", (await Answer.Of(shopper.PostAsync($"/api/orders/{kept}/refund", null))).Code);

        foreach (var order in new[] { kept, returned })
        {
            Assert.Equal(HttpStatusCode.OK, (await system.PayAsync(await StartPaymentAsync(shopper, order))).StatusCode);
            await OrderStatusAsync(shopper, order, "paid");
        }

        // Used: no refund. Unused: refunded, asked twice at once, one refund.
        Assert.Equal(HttpStatusCode.OK, (await shopper.RedeemAsync(kept, "till-2", 100)).Status);
        Assert.Equal("coupon_used", (await Answer.Of(shopper.PostAsync($"/api/orders/{kept}/refund", null))).Code);
        var refunds = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Answer.Of(shopper.PostAsync($"/api/orders/{returned}/refund", null))));
        Assert.All(refunds, r => Assert.Equal((HttpStatusCode.OK, "refunded"), (r.Status, r.Body.GetProperty("status").GetString())));
        Assert.Equal([kept], (await shopper.WholeWalletAsync()).Select(c => c.GetProperty("couponId").GetGuid()));
        Assert.Equal(HttpStatusCode.NotFound, (await shopper.RedeemAsync(returned, "till-3", 100)).Status);

        var refund = await Eventually.ReturnsAsync(
            () => ScalarAsync<string?>(
                "SELECT string_agg(r.status || ':' || r.reason, ',') FROM sale_refunds r JOIN sale_payments p USING (channel, out_trade_no) WHERE p.order_id = @id",
                returned),
            status => status == "succeeded:shopper", TimeSpan.FromSeconds(30));
        Assert.Equal("succeeded:shopper", refund);
        // The sale is open and gives refunded units back: issued 1, held 0, remaining 1.
        var after = await Eventually.ReturnsAsync(() => CampaignAsync(campaign), c => c.GetProperty("remaining").GetInt32() == 1);
        Assert.Equal((1, 0, 1, 2), (after.GetProperty("issued").GetInt32(), after.GetProperty("held").GetInt32(),
            after.GetProperty("remaining").GetInt32(), after.GetProperty("totalStock").GetInt32()));
    }

    [Fact]
    public async Task A_points_and_cash_order_debits_its_points_and_gives_them_back_once_when_it_lapses()
    {
        var campaign = await system.CreateCampaignAsync(1, price: new { points = 100, cash = 1m }, payment: new { window = Window });
        var shopperId = "points-cash-" + Guid.NewGuid().ToString("N")[..8];
        using (var admin = system.Client(await system.TokenAsync("sales-admin", "admin")))
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/admin/points", new { shopperId, points = 150, note = "test credit" })).StatusCode);
        }

        using var shopper = system.Client(await system.TokenAsync(shopperId, "shopper"));
        var claim = await shopper.ClaimAsync(campaign, "pc-" + Guid.NewGuid().ToString("N"));
        var order = claim.Body.GetProperty("order");
        Assert.Equal((100, 100L), (order.GetProperty("points").GetInt32(), order.GetProperty("amountFen").GetInt64()));
        Assert.Equal(50, await BalanceAsync(shopper));

        await OrderStatusAsync(shopper, order.GetProperty("orderId").GetGuid(), "expired");
        Assert.Equal(150, await BalanceAsync(shopper));
        var points = await shopper.GetFromJsonAsync<JsonElement>("/api/me/points");
        Assert.Single(points.GetProperty("latest").EnumerateArray(), e => e.GetProperty("reason").GetString() == "order_lapsed");
    }

    private static async Task<long> BalanceAsync(HttpClient shopper) =>
        (await shopper.GetFromJsonAsync<JsonElement>("/api/me/points")).GetProperty("balance").GetInt64();

    private async Task<Guid> PaidCampaignAsync(int stock) =>
        await system.CreateCampaignAsync(stock, price: new { cash = 9.9m }, payment: new { window = Window });

    private static async Task<Guid> OrderAsync(HttpClient shopper, Guid campaign, string key = "first", string? exactKey = null)
    {
        var claim = await shopper.ClaimAsync(campaign, exactKey ?? $"order-{key}-" + Guid.NewGuid().ToString("N"));
        Assert.True(claim.Status == HttpStatusCode.Created, claim.Body.ToString());
        // No code: the coupon is not the shopper's until paid for.
        Assert.False(claim.Body.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String);
        var order = claim.Body.GetProperty("order");
        Assert.Equal(("pending_payment", 990L), (order.GetProperty("status").GetString(), order.GetProperty("amountFen").GetInt64()));
        return order.GetProperty("orderId").GetGuid();
    }

    private static async Task<JsonElement> OrderAsync(HttpClient shopper, Guid order, bool read) =>
        await shopper.GetFromJsonAsync<JsonElement>($"/api/orders/{order}");

    private static async Task<string> StartPaymentAsync(HttpClient shopper, Guid order)
    {
        var answer = await Answer.Of(shopper.PostAsync($"/api/orders/{order}/payment", null));
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return answer.Body.GetProperty("payUrl").GetString()!;
    }

    private static async Task<JsonElement> OrderStatusAsync(HttpClient shopper, Guid order, string status)
    {
        var seen = await Eventually.ReturnsAsync(() => OrderAsync(shopper, order, read: true),
            o => o.GetProperty("status").GetString() == status, TimeSpan.FromSeconds(30));
        Assert.Equal(status, seen.GetProperty("status").GetString());
        return seen;
    }

    private async Task<JsonElement> CampaignAsync(Guid campaign)
    {
        using var client = system.Client(await system.TokenAsync("viewer", "shopper"));
        return await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}");
    }

    private async Task<T> ScalarAsync<T>(string sql, Guid id)
    {
        await using var command = system.Database.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter("id", id));
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default! : (T)value;
    }
}
