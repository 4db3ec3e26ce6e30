using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Sales;

/// <summary>
/// The notification endpoint refuses what a gateway did not send now: a changed byte, a signature
/// probe, a stale timestamp, a nonce already seen (at any API node: nonces are kept in PostgreSQL);
/// and a refusal changes nothing. What it accepts settles once, however often it comes.
/// </summary>
[Trait("Tier", "EndToEnd")]
[Collection(PaidSaleCollection.Name)]
public sealed class PaymentNotificationTests(PaidSaleSystem system)
{
    [Fact]
    public async Task Forged_stale_probed_and_replayed_notifications_are_refused_and_change_nothing()
    {
        var campaign = await system.CreateCampaignAsync(5, price: new { cash = 19.9m }, payment: new { window = TimeSpan.FromMinutes(5) });
        using var shopper = system.Client(await system.TokenAsync("notified-" + Guid.NewGuid().ToString("N")[..8], "shopper"));
        var claim = await shopper.ClaimAsync(campaign, "n-" + Guid.NewGuid().ToString("N"));
        var order = claim.Body.GetProperty("order").GetProperty("orderId").GetGuid();
        var tradeNo = order.ToString("N");
        var gateway = new GatewayNotifications(system.PlatformKeyPem, PaidSaleSystem.ApiV3Key);
        var mchId = PaidSaleSystem.MerchantIds["wechat"];
        using var client = system.Client();

        var changed = gateway.Capture(mchId, tradeNo, 1990, DateTimeOffset.UtcNow);
        var tampered = changed with { Body = [.. changed.Body] };
        tampered.Body[^3] ^= 0x01;
        Assert.Equal("bad_signature", await RefusalAsync(client, "wechat", tampered));
        Assert.Equal("bad_signature", await RefusalAsync(client, "wechat", changed with { Signature = "WECHATPAY/SIGNTEST/" + changed.Signature }));
        Assert.Equal("stale_timestamp", await RefusalAsync(client, "wechat", gateway.Capture(mchId, tradeNo, 1990, DateTimeOffset.UtcNow.AddSeconds(-301))));
        Assert.Equal("unknown_channel", await RefusalAsync(client, "paypal", changed));
        Assert.Equal("pending_payment", await StatusAsync(shopper, order));

        // The real thing, once: paid. The same delivery again (same nonce): refused as a replay, nothing doubled.
        var genuine = gateway.Capture(mchId, tradeNo, 1990, DateTimeOffset.UtcNow);
        using (var accepted = await client.SendAsync(GatewayNotifications.Request("wechat", genuine)))
        {
            Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
        }

        Assert.Equal("replayed_nonce", await RefusalAsync(client, "wechat", genuine));
        // A new delivery of the same capture (fresh nonce, as gateways retry): accepted, settled once.
        using (var again = await client.SendAsync(GatewayNotifications.Request("wechat", gateway.Capture(mchId, tradeNo, 1990, DateTimeOffset.UtcNow))))
        {
            Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        }

        Assert.Equal("paid", await StatusAsync(shopper, order));
        await using var payments = system.Database.CreateCommand(
            "SELECT count(*) FILTER (WHERE settlement = 'coupon')::integer || '/' || count(*)::integer FROM sale_payments WHERE order_id = @order");
        payments.Parameters.AddWithValue("order", order);
        // Two captures reported under one trade number are one payment: the second report replays the first's settlement.
        Assert.Equal("1/1", (string?)await payments.ExecuteScalarAsync());

        // Signed with the gateway's key, yet no payment the gateway made: the day's reconciliation lists it.
        var reports = await new PaidSaleBooks(system, campaign).ReconcileTodayAsync();
        var wechat = reports.EnumerateArray().Single(r => r.GetProperty("channel").GetString() == "wechat");
        Assert.Contains(wechat.GetProperty("differences").EnumerateArray(),
            d => d.GetProperty("outTradeNo").GetString() == tradeNo && d.GetProperty("kind").GetString() == "coupon_but_not_paid");
    }

    private static async Task<string?> RefusalAsync(HttpClient client, string channel, GatewayNotifications.Signed notification)
    {
        using var response = await client.SendAsync(GatewayNotifications.Request(channel, notification));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
    }

    private static async Task<string?> StatusAsync(HttpClient shopper, Guid order) =>
        (await shopper.GetFromJsonAsync<JsonElement>($"/api/orders/{order}")).GetProperty("status").GetString();
}
