using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;
using FlashSale.Tests.Security.Support;

namespace FlashSale.Tests.Security;

/// <summary>
/// Broken object level authorization: shopper B names shopper A's coupons, orders and alerts by
/// their real ids and gets 404 for each, exactly as for ids that do not exist, while not a row in
/// PostgreSQL changes; A's things are still A's afterwards.
/// </summary>
[Collection(nameof(SecuritySystemCollection))]
[Trait("Tier", "EndToEnd")]
public sealed class ObjectAccessTests(SecuritySystem system)
{
    [Fact]
    public async Task Another_shoppers_coupons_orders_and_alerts_are_not_found_and_stay_untouched()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var a = await ShopperAsync("alice-" + run);
        var b = await ShopperAsync("bob-" + run);
        var (kept, used, tilled, pointsCard, alert) = await AliceHoldsAsync(a, run);
        var (bobsOwn, _) = await system.ClaimCouponAsync(b.Token, await system.CreateCampaignAsync(totalStock: 5));
        var before = await TableDigest.ReadAsync(system.Database);

        using var bob = system.Client(b.Token);
        await NotFoundAsync(bob.GetAsync($"/api/me/coupons/{kept}/secret"), "coupon_not_found");
        await NotFoundAsync(bob.PostAsJsonAsync($"/api/me/coupons/{kept}/redeem", new { orderId = "bob-order", amount = 100, currency = "CNY" }), "coupon_not_found");
        // Not even "that is its holder already": the holder is not B's to learn.
        await NotFoundAsync(bob.PostAsJsonAsync($"/api/me/coupons/{kept}/transfer", new { to = a.Id }), "coupon_not_found");
        await NotFoundAsync(bob.PostAsJsonAsync($"/api/me/coupons/{kept}/transfer", new { to = "mallory-" + run }), "coupon_not_found");
        await NotFoundAsync(bob.PostAsync($"/api/me/coupons/{pointsCard}/redeem-points", null), "coupon_not_found");
        await NotFoundAsync(bob.PostAsJsonAsync("/api/me/checkout", new { orderId = "bob-checkout", amount = 100, currency = "CNY", couponIds = new[] { kept } }),
            "coupon_not_found");
        await NotFoundAsync(bob.PostAsync($"/api/me/orders/{Order(run)}/refund", null), "order_not_found");
        await NotFoundAsync(bob.PostAsync($"/api/me/alerts/{alert}/read", null), "alert_not_found");

        // What B can list is B's alone.
        Assert.Equal([bobsOwn], (await bob.WholeWalletAsync()).Select(c => c.GetProperty("couponId").GetGuid()));
        var plan = await bob.PostAsJsonAsync("/api/me/checkout/plan", new { amount = 500, currency = "CNY" });
        Assert.DoesNotContain(kept.ToString(), await plan.Content.ReadAsStringAsync());
        Assert.Equal(0, (await bob.GetFromJsonAsync<JsonElement>("/api/me/alerts")).GetProperty("alerts").GetArrayLength());
        Assert.Equal(0, (await bob.GetFromJsonAsync<JsonElement>("/api/me/orders")).GetProperty("orders").GetArrayLength());

        // A merchant cannot cancel an order another merchant took.
        using var otherTill = system.Client(await system.MerchantTokenAsync("till-b-" + run, "merchant-b-" + run, "merchant"));
        await NotFoundAsync(otherTill.PostAsync($"/api/merchant/orders/till-{run}/refund", null), "order_not_found");

        (await TableDigest.ReadAsync(system.Database)).AssertUnchangedSince(before, "refused requests on another's objects");
        using var alice = system.Client(a.Token);
        var wallet = (await alice.WholeWalletAsync()).ToDictionary(c => c.GetProperty("couponId").GetGuid(), c => c.GetProperty("status").GetString());
        Assert.Equal(new Dictionary<Guid, string?> { [kept] = "available", [used] = "redeemed", [tilled] = "redeemed", [pointsCard] = "available" }, wallet);
        // A's own order is in A's list with its coupon; the till's order on A's coupon is the merchant's, not listed.
        var orders = (await alice.GetFromJsonAsync<JsonElement>("/api/me/orders")).GetProperty("orders");
        var order = Assert.Single(orders.EnumerateArray());
        Assert.Equal(Order(run), order.GetProperty("orderId").GetString());
        Assert.Equal([used], order.GetProperty("coupons").EnumerateArray().Select(c => c.GetProperty("couponId").GetGuid()));
        Assert.False(order.TryGetProperty("cancelledAt", out _));
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync($"/api/me/coupons/{kept}/secret")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await alice.PostAsync($"/api/me/alerts/{alert}/read", null)).StatusCode);
    }

    [Fact]
    public async Task Another_shoppers_idempotency_key_gets_a_coupon_of_ones_own_never_theirs()
    {
        var campaign = await system.CreateCampaignAsync(totalStock: 10);
        using var alice = system.Client(await system.TokenAsync("key-alice", "shopper"));
        using var bob = system.Client(await system.TokenAsync("key-bob", "shopper"));
        var key = "shared-" + Guid.NewGuid().ToString("N");

        var hers = await alice.ClaimAsync(campaign, key);
        var his = await bob.ClaimAsync(campaign, key);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (hers.Status, his.Status));
        Assert.NotEqual(hers.CouponId, his.CouponId);
        Assert.NotEqual(hers.Body.GetProperty("code").GetString(), his.Body.GetProperty("code").GetString(), StringComparer.Ordinal);
        Assert.Equal(2, (await LedgerAudit.ReadAsync(system.Database, campaign)).CouponRows);
    }

    /// <summary>Drafts are invisible to shoppers: a claim on a draft of batches told them its batch keys (400 batch_required).</summary>
    [Fact]
    public async Task A_draft_campaign_of_batches_is_not_found_by_a_shoppers_claim_whatever_batch_is_named()
    {
        using var marketing = system.Client(await system.TokenAsync("draft-marketer", "marketing"));
        var body = ValidBodies.Campaign();
        body.Remove("coupon");
        body.Remove("totalStock");
        body["draft"] = true;
        body["batches"] = System.Text.Json.Nodes.JsonNode.Parse("""
            [{"key":"vip-secret","name":"VIP","coupon":{"kind":"fixed","amountOff":50},"totalStock":5,"perUserLimit":1},
             {"key":"all","name":"All","coupon":{"kind":"fixed","amountOff":5},"totalStock":5,"perUserLimit":1}]
            """);
        using var created = await marketing.PostAsJsonAsync("/api/campaigns", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var shopper = system.Client(await system.TokenAsync("draft-prober", "shopper"));

        foreach (var batch in new[] { "", "?batch=vip-secret", "?batch=guess" })
        {
            using var claim = Infrastructure.Api.ClaimRequest(draft, "draft-" + Guid.NewGuid().ToString("N"));
            claim.RequestUri = new Uri($"/api/campaigns/{draft}/claims{batch}", UriKind.Relative);
            var problem = await Api.BadInputTests.AssertProblemAsync(await shopper.SendAsync(claim), HttpStatusCode.NotFound, "campaign_not_found");
            Assert.DoesNotContain("vip-secret", problem.ToString());
        }

        // Published, the same claim is routed as usual.
        Assert.Equal(HttpStatusCode.OK, (await marketing.ControlAsync(draft, "publish")).Status);
        using var after = Infrastructure.Api.ClaimRequest(draft, "draft-after");
        Assert.Equal("batch_required", (await Answer.Of(await shopper.SendAsync(after))).Code);
    }

    private static string Order(string run) => "alice-order-" + run;

    /// <summary>
    /// A's coupons on a card-secret campaign with expiry reminders (one kept, one used on an order, one
    /// taken at a merchant's till), a points card, and an alert in A's inbox.
    /// </summary>
    private async Task<(Guid Kept, Guid Used, Guid Tilled, Guid PointsCard, Guid Alert)> AliceHoldsAsync(Shopper a, string run)
    {
        // Each coupon expires 80 s after its claim and is reminded of 75 s before: 5 s after the claim.
        var campaign = await system.CreateCampaignAsync(totalStock: 10, perUserLimit: 3, cardSecrets: true, validity: new { afterClaim = "00:01:20" },
            use: new { remindBefore = new[] { "00:01:15" } });
        using var marketing = system.Client(await system.TokenAsync("access-marketer", "marketing"));
        var import = await marketing.PostAsJsonAsync($"/api/campaigns/{campaign}/secrets", new { secrets = new[] { $"S-{run}-1", $"S-{run}-2", $"S-{run}-3" } });
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);

        var (kept, _) = await system.ClaimCouponAsync(a.Token, campaign);
        var (used, _) = await system.ClaimCouponAsync(a.Token, campaign);
        var (tilled, code) = await system.ClaimCouponAsync(a.Token, campaign);
        var (pointsCard, _) = await system.ClaimCouponAsync(a.Token, await system.CreateCampaignAsync(totalStock: 5, coupon: new { kind = "points", points = 100 }));
        using var alice = system.Client(a.Token);
        Assert.Equal(HttpStatusCode.OK, (await alice.RedeemAsync(used, Order(run), 100)).Status);
        using var till = system.Client(await system.TokenAsync("till-a-" + run, "merchant"));
        Assert.Equal(HttpStatusCode.OK, (await till.RedeemByCodeAsync(code, "till-" + run, 100)).Status);

        var inbox = await Eventually.ReturnsAsync(() => alice.GetFromJsonAsync<JsonElement>("/api/me/alerts"),
            page => page.GetProperty("alerts").GetArrayLength() >= 1, TimeSpan.FromSeconds(40));
        var alert = Assert.Single(inbox.GetProperty("alerts").EnumerateArray());
        Assert.Equal(kept, alert.GetProperty("couponId").GetGuid());
        return (kept, used, tilled, pointsCard, alert.GetProperty("alertId").GetGuid());
    }

    private async Task<Shopper> ShopperAsync(string id) => new(id, await system.TokenAsync(id, "shopper"));

    private static async Task NotFoundAsync(Task<HttpResponseMessage> call, string code) =>
        await Api.BadInputTests.AssertProblemAsync(await call, HttpStatusCode.NotFound, code);

    private sealed record Shopper(string Id, string Token);
}
