using System.Net;
using System.Net.Http.Json;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Wallet;

/// <summary>The wallet and checkout over real HTTP, checked in PostgreSQL where it matters.</summary>
[Trait("Tier", "EndToEnd")]
[Collection(SharedSystem.Name)]
public sealed class WalletTests(RunningSystem system)
{
    [Fact]
    public async Task The_wallet_lists_the_shoppers_coupons_newest_first_in_pages_and_by_status()
    {
        var (shopper, token) = await ShopperAsync();
        var campaigns = new List<Guid>();
        var coupons = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            campaigns.Add(await system.CreateCampaignAsync(10));
            coupons.Add((await system.ClaimCouponAsync(token, campaigns[^1])).Id);
        }

        using var client = system.Client(token);
        var seen = new List<Guid>();
        string? after = null;
        do
        {
            var page = await client.WalletAsync("?limit=2" + (after is null ? "" : "&after=" + after));
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var items = page.Body.GetProperty("coupons").EnumerateArray().ToList();
            Assert.InRange(items.Count, 1, 2);
            Assert.All(items, c => Assert.Equal("available", c.GetProperty("status").GetString()));
            seen.AddRange(items.Select(c => c.GetProperty("couponId").GetGuid()));
            after = page.Body.TryGetProperty("next", out var next) ? next.GetString() : null;
        }
        while (after is not null);

        Assert.Equal(Enumerable.Reverse(coupons), seen);

        // Filtered by status; and nobody else sees them.
        await client.RedeemAsync(coupons[0], "order-" + shopper, 100);
        Assert.Equal([coupons[0]], (await client.WholeWalletAsync("redeemed")).Select(c => c.GetProperty("couponId").GetGuid()));
        Assert.Equal(4, (await client.WholeWalletAsync("available")).Count);
        var (_, strangerToken) = await ShopperAsync();
        using var stranger = system.Client(strangerToken);
        Assert.Empty(await stranger.WholeWalletAsync());
    }

    [Fact]
    public async Task Redemption_takes_off_what_each_kind_allows()
    {
        var (_, token) = await ShopperAsync();
        using var client = system.Client(token);
        var fixedOff = await CouponAsync(token, new { kind = "fixed", currency = "CNY", amountOff = 50 });
        var percent = await CouponAsync(token, new { kind = "percent", currency = "CNY", percentOff = 15, maxDiscount = 20 });
        var cheapPercent = await CouponAsync(token, new { kind = "percent", currency = "CNY", percentOff = 12.5, maxDiscount = 100 });
        var threshold = await CouponAsync(token, new { kind = "threshold", currency = "CNY", amountOff = 30, minSpend = 200 });

        // Never more than the order.
        var answer = await client.RedeemAsync(fixedOff, Order(), 30);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(30m, answer.Decimal("discount"));
        Assert.Equal(20m, (await client.RedeemAsync(percent, Order(), 500)).Decimal("discount"));
        Assert.Equal(12.35m, (await client.RedeemAsync(cheapPercent, Order(), 98.8m)).Decimal("discount"));

        Assert.Equal("below_min_spend", (await client.RedeemAsync(threshold, Order(), 199.99m)).Code);
        Assert.Equal("currency_mismatch", (await client.RedeemAsync(threshold, Order(), 300, "USD")).Code);
        Assert.Equal(30m, (await client.RedeemAsync(threshold, Order(), 200)).Decimal("discount"));
        Assert.Equal("already_redeemed", (await client.RedeemAsync(threshold, Order(), 500)).Code);
    }

    [Fact]
    public async Task A_gift_card_is_spent_across_orders_and_never_below_zero()
    {
        var (_, token) = await ShopperAsync();
        using var client = system.Client(token);
        var card = await CouponAsync(token, new { kind = "giftcard", currency = "CNY", cardValue = 100 });

        var first = await client.RedeemAsync(card, Order(), 60);
        Assert.Equal((60m, 40m), (first.Decimal("discount"), first.Decimal("balanceLeft")));
        var second = await client.RedeemAsync(card, Order(), 75);
        Assert.Equal((40m, 0m), (second.Decimal("discount"), second.Decimal("balanceLeft")));
        Assert.Equal("already_redeemed", (await client.RedeemAsync(card, Order(), 10)).Code);
        var listed = Assert.Single(await client.WholeWalletAsync("redeemed"));
        Assert.Equal(0m, listed.GetProperty("balance").GetDecimal());
        Assert.Equal(100m, await SpentAsync(card));
    }

    [Fact]
    public async Task A_retried_checkout_replays_its_answer_and_a_changed_one_is_refused()
    {
        var (_, token) = await ShopperAsync();
        using var client = system.Client(token);
        var coupon = await CouponAsync(token, new { kind = "fixed", currency = "CNY", amountOff = 10 });
        var order = Order();

        var first = await client.RedeemAsync(coupon, order, 80);
        var again = await client.RedeemAsync(coupon, order, 80);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.True(again.Replayed);
        Assert.Equal(first.Body.GetProperty("redemptionId").GetGuid(), again.Body.GetProperty("redemptionId").GetGuid());
        Assert.Equal("order_conflict", (await client.RedeemAsync(coupon, order, 81)).Code);
        Assert.Equal(1, await RedemptionsAsync(coupon));
    }

    /// <summary>
    /// Found by the fault harness's partitions: a till's redemption committed but its answer was lost, the card was
    /// given away (a new holder, a new code), and the till's retry by the code it was shown got coupon_not_found.
    /// A retry is answered from its order, whoever holds the coupon now and whatever it is called.
    /// </summary>
    [Fact]
    public async Task A_retried_redemption_is_replayed_though_the_gift_card_was_given_away_since()
    {
        var (_, token) = await ShopperAsync();
        var campaign = await system.CreateCampaignAsync(10, coupon: new { kind = "giftcard", currency = "CNY", cardValue = 100 }, use: new { transfer = "free" });
        var (card, code) = await system.ClaimCouponAsync(token, campaign);
        using var shopper = system.Client(token);
        using var till = system.Client(await system.TokenAsync("till-" + Guid.NewGuid().ToString("N")[..6], "merchant"));
        var (online, atTill) = (Order(), Order());
        var first = await shopper.RedeemAsync(card, online, 10);
        var shown = await till.RedeemByCodeAsync(code, atTill, 60);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.Status, shown.Status));
        var (friend, _) = await ShopperAsync();
        Assert.Equal(HttpStatusCode.OK, (await shopper.TransferAsync(card, friend)).Status);

        var tillRetry = await till.RedeemByCodeAsync(code, atTill, 60);
        Assert.Equal((HttpStatusCode.OK, true), (tillRetry.Status, tillRetry.Replayed));
        Assert.Equal(shown.Body.GetProperty("redemptionId").GetGuid(), tillRetry.Body.GetProperty("redemptionId").GetGuid());
        var shopperRetry = await shopper.RedeemAsync(card, online, 10);
        Assert.Equal((HttpStatusCode.OK, true), (shopperRetry.Status, shopperRetry.Replayed));
        Assert.Equal(first.Body.GetProperty("redemptionId").GetGuid(), shopperRetry.Body.GetProperty("redemptionId").GetGuid());

        // Only the retries: the old code and the old holder use nothing new (M4), a changed retry is a conflict.
        Assert.Equal("coupon_not_found", (await till.RedeemByCodeAsync(code, Order(), 20)).Code);
        Assert.Equal("coupon_not_found", (await shopper.RedeemAsync(card, Order(), 20)).Code);
        Assert.Equal("order_conflict", (await till.RedeemByCodeAsync(code, atTill, 61)).Code);
        Assert.Equal(2, await RedemptionsAsync(card));
        Assert.Equal(70m, await SpentAsync(card));
    }

    [Fact]
    public async Task Someone_elses_coupon_is_not_found_and_unchanged()
    {
        var (_, owner) = await ShopperAsync();
        var (_, thief) = await ShopperAsync();
        var (coupon, _) = await system.ClaimCouponAsync(owner, await system.CreateCampaignAsync(10, use: new { transfer = "free" }));
        using var client = system.Client(thief);

        Assert.Equal("coupon_not_found", (await client.RedeemAsync(coupon, Order(), 100)).Code);
        Assert.Equal("coupon_not_found", (await client.TransferAsync(coupon, "thief-friend")).Code);
        Assert.Equal("coupon_not_found", (await client.RedeemAsync(Guid.NewGuid(), Order(), 100)).Code);
        using var merchant = system.Client(await system.TokenAsync("merchant-" + Guid.NewGuid().ToString("N")[..6], "merchant"));
        Assert.Equal("coupon_not_found", (await merchant.RedeemByCodeAsync("NO-SUCH-CODE", Order(), 100)).Code);
        Assert.Equal(0, await RedemptionsAsync(coupon));
        using var ownerClient = system.Client(owner);
        Assert.Equal("available", Assert.Single(await ownerClient.WholeWalletAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_expired_coupon_is_refused_and_listed_as_expired_without_any_sweep()
    {
        var (_, token) = await ShopperAsync();
        var now = DateTimeOffset.UtcNow;
        var campaign = await system.CreateCampaignAsync(10, endsAt: now.AddSeconds(2), validity: new { until = now.AddSeconds(3) });
        var (coupon, _) = await system.ClaimCouponAsync(token, campaign);
        using var client = system.Client(token);
        Assert.Equal("available", Assert.Single(await client.WholeWalletAsync()).GetProperty("status").GetString());

        // Nothing runs at the expiry: the wallet reads it as expired once its time has passed.
        var expired = await Eventually.ReturnsAsync(() => client.WholeWalletAsync("expired"), list => list.Count == 1, TimeSpan.FromSeconds(10));
        Assert.Equal(coupon, Assert.Single(expired).GetProperty("couponId").GetGuid());
        Assert.True(DateTimeOffset.UtcNow >= now.AddSeconds(3), "expired before its time");
        Assert.Equal("expired", (await client.RedeemAsync(coupon, Order(), 100)).Code);
        Assert.Equal(0, await RedemptionsAsync(coupon));
    }

    [Fact]
    public async Task A_refund_gives_the_coupon_back_and_the_gift_card_its_amount()
    {
        var (_, token) = await ShopperAsync();
        using var client = system.Client(token);
        var coupon = await CouponAsync(token, new { kind = "fixed", currency = "CNY", amountOff = 10 });
        var card = await CouponAsync(token, new { kind = "giftcard", currency = "CNY", cardValue = 50 });
        var order = Order();
        await client.RedeemAsync(coupon, order, 100);
        Assert.Equal(50m, (await client.RedeemAsync(card, order, 100)).Decimal("discount"));

        var refund = await client.RefundAsync(order);
        Assert.Equal(HttpStatusCode.OK, refund.Status);
        var uses = refund.Body.GetProperty("refunded").EnumerateArray().ToDictionary(u => u.GetProperty("couponId").GetGuid());
        Assert.Equal("available", uses[coupon].GetProperty("status").GetString());
        Assert.Equal(50m, uses[card].GetProperty("balance").GetDecimal());
        Assert.Equal("already_refunded", (await client.RefundAsync(order)).Code);
        Assert.Equal("order_not_found", (await client.RefundAsync("never-" + order)).Code);

        // Usable again, under a new order; the refunded order cannot use it again.
        Assert.Equal("order_conflict", (await client.RedeemAsync(coupon, order, 100)).Code);
        Assert.Equal(HttpStatusCode.OK, (await client.RedeemAsync(coupon, Order(), 100)).Status);
        Assert.Equal(0m, await SpentAsync(card));
    }

    [Fact]
    public async Task A_merchant_redeems_its_own_coupons_by_code_and_refunds_only_its_own_orders()
    {
        var (_, token) = await ShopperAsync();
        var campaign = await system.CreateCampaignAsync(10, coupon: new { kind = "fixed", currency = "CNY", amountOff = 25 });
        var (coupon, code) = await system.ClaimCouponAsync(token, campaign);
        using var till = system.Client(await system.TokenAsync("till-" + Guid.NewGuid().ToString("N")[..6], "merchant"));
        using var sameShopTill = system.Client(await system.TokenAsync("till-" + Guid.NewGuid().ToString("N")[..6], "merchant"));
        using var otherShopTill = system.Client(await system.MerchantTokenAsync("till-" + Guid.NewGuid().ToString("N")[..6], "other-shop", "merchant"));
        using var shopper = system.Client(token);
        var order = Order();

        // Another merchant's till does not find the coupon at all, even by its right code.
        Assert.Equal("coupon_not_found", (await otherShopTill.RedeemByCodeAsync(code, order, 99)).Code);
        var redeemed = await till.RedeemByCodeAsync(code, order, 99);
        Assert.Equal(HttpStatusCode.OK, redeemed.Status);
        Assert.Equal(25m, redeemed.Decimal("discount"));
        Assert.Equal("already_redeemed", (await sameShopTill.RedeemByCodeAsync(code, Order(), 99)).Code);

        // The order is the merchant's: neither another merchant nor the coupon's holder can cancel it.
        Assert.Equal("order_not_found", (await otherShopTill.RefundAsync(order, asMerchant: true)).Code);
        Assert.Equal("order_not_found", (await shopper.RefundAsync(order)).Code);
        Assert.Equal(HttpStatusCode.OK, (await sameShopTill.RefundAsync(order, asMerchant: true)).Status);

        Assert.Equal(coupon, Assert.Single(await shopper.WholeWalletAsync("available")).GetProperty("couponId").GetGuid());
        Assert.Equal(HttpStatusCode.Forbidden, (await shopper.RedeemByCodeAsync(code, Order(), 99)).Status);
    }

    [Fact]
    public async Task Checkout_proposes_the_set_that_saves_the_most_and_redeems_it_all_or_nothing()
    {
        var (_, token) = await ShopperAsync();
        using var client = system.Client(token);
        var fixedOff = await CouponAsync(token, new { kind = "fixed", currency = "CNY", amountOff = 20 });
        var percent = await CouponAsync(token, new { kind = "percent", currency = "CNY", percentOff = 10, maxDiscount = 50 });
        var threshold = await CouponAsync(token, new { kind = "threshold", currency = "CNY", amountOff = 30, minSpend = 200 });
        var exclusive = await CouponAsync(token, new { kind = "fixed", currency = "CNY", amountOff = 55 }, new { stackable = false });
        var card = await CouponAsync(token, new { kind = "giftcard", currency = "CNY", cardValue = 100 });

        // 250: 20 + 25 + 30 together beat 55 alone. 150: the threshold is out, 20 + 15 lose to 55.
        var big = await PlanAsync(client, 250);
        Assert.Equal(75m, big.Decimal("totalDiscount"));
        Assert.Equal(175m, big.Decimal("payable"));
        Assert.Equal(new[] { fixedOff, percent, threshold }.Order(), PlannedIds(big).Order());
        var small = await PlanAsync(client, 150);
        Assert.Equal([exclusive], PlannedIds(small));
        Assert.Equal(55m, small.Decimal("totalDiscount"));

        // All or nothing: an exclusive coupon with another refuses the whole set and names it.
        var clash = await CheckoutAsync(client, Order(), 250, exclusive, card);
        Assert.Equal("not_stackable", clash.Code);
        Assert.Equal(0, await RedemptionsAsync(exclusive) + await RedemptionsAsync(card));

        // Without a set: the best one, redeemed in one step; a retry gets the same answer.
        var order = Order();
        var done = await CheckoutAsync(client, order, 250);
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Equal(75m, done.Decimal("totalDiscount"));
        var again = await CheckoutAsync(client, order, 250);
        Assert.True(again.Replayed);
        Assert.Equal(75m, again.Decimal("totalDiscount"));
        Assert.Equal(3, (await client.WholeWalletAsync("redeemed")).Count);

        // A used coupon in a set stops it before the gift card is touched.
        var stale = await CheckoutAsync(client, Order(), 100, card, fixedOff);
        Assert.Equal("already_redeemed", stale.Code);
        Assert.Equal(fixedOff, stale.Body.GetProperty("couponId").GetGuid());
        Assert.Equal(0, await RedemptionsAsync(card));
    }

    [Fact]
    public async Task Holders_get_an_alert_at_each_threshold_before_expiry_for_coupons_they_can_still_use()
    {
        var (_, token) = await ShopperAsync();
        var now = DateTimeOffset.UtcNow;
        // Expires 80 s from now: the 75 s and 70 s reminders come 5 and 10 s from now; the 2-minute
        // one was already due at the claim and is skipped.
        var campaign = await system.CreateCampaignAsync(10, perUserLimit: 2, endsAt: now.AddSeconds(30), validity: new { until = now.AddSeconds(80) },
            use: new { remindBefore = new[] { "00:01:10", "00:01:15", "00:02:00" } });
        var (used, _) = await system.ClaimCouponAsync(token, campaign);
        var (kept, _) = await system.ClaimCouponAsync(token, campaign);
        using var client = system.Client(token);
        Assert.Equal(HttpStatusCode.OK, (await client.RedeemAsync(used, Order(), 100)).Status);

        var inbox = await Eventually.ReturnsAsync(() => client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me/alerts"),
            page => page.GetProperty("alerts").GetArrayLength() >= 2, TimeSpan.FromSeconds(40));
        var alerts = inbox.GetProperty("alerts").EnumerateArray().ToList();
        Assert.Equal(2, alerts.Count);
        Assert.All(alerts, a => Assert.Equal(kept, a.GetProperty("couponId").GetGuid()));
        Assert.Equal(["00:01:10", "00:01:15"], alerts.Select(a => a.GetProperty("remindBefore").GetString()).Order(StringComparer.Ordinal), StringComparer.Ordinal);
        Assert.All(alerts, a => Assert.Equal("expiry", a.GetProperty("kind").GetString()));

        // Read one: the unread inbox has the other; nobody else can read it.
        var first = alerts[0].GetProperty("alertId").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/me/alerts/{first}/read", null)).StatusCode);
        var unread = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me/alerts?unread=true");
        Assert.Equal([alerts[1].GetProperty("alertId").GetGuid()], unread.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("alertId").GetGuid()));
        var (_, strangerToken) = await ShopperAsync();
        using var stranger = system.Client(strangerToken);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/me/alerts/{first}/read", null)).StatusCode);
        Assert.Equal(0, (await stranger.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me/alerts")).GetProperty("alerts").GetArrayLength());
    }

    [Fact]
    public async Task Card_secrets_are_imported_encrypted_without_duplicates_and_shown_only_to_the_holder()
    {
        using var marketing = system.Client(await system.TokenAsync("secrets-" + Guid.NewGuid().ToString("N")[..6], "marketing"));
        var run = Guid.NewGuid().ToString("N")[..8];
        var cards = await system.CreateCampaignAsync(3, cardSecrets: true);
        var import = await ImportAsync(marketing, cards, $"GC-{run}-1", $"GC-{run}-2", $"GC-{run}-1", $"GC-{run}-3", $"GC-{run}-4");
        Assert.Equal(3, import.Body.GetProperty("imported").GetInt32());
        Assert.Equal([(2, "duplicate_in_import"), (4, "beyond_stock")], Refused(import));
        var other = await system.CreateCampaignAsync(5, cardSecrets: true);
        Assert.Equal([(0, "already_imported")], Refused(await ImportAsync(marketing, other, $"GC-{run}-2", $"GC-{run}-9")));
        var (_, shopperToken) = await ShopperAsync();
        using var shopperClient = system.Client(shopperToken);
        Assert.Equal(HttpStatusCode.Forbidden, (await shopperClient.PostAsJsonAsync($"/api/campaigns/{cards}/secrets", new { secrets = new[] { "x" } })).StatusCode);

        // The first coupon claimed carries the first secret; only its holder sees it, and each look is recorded.
        var (coupon, _) = await system.ClaimCouponAsync(shopperToken, cards);
        var reveal = await Answer.Of(await shopperClient.GetAsync($"/api/me/coupons/{coupon}/secret"));
        Assert.Equal($"GC-{run}-1", reveal.Body.GetProperty("secret").GetString());
        var (_, strangerToken) = await ShopperAsync();
        using var stranger = system.Client(strangerToken);
        Assert.Equal("coupon_not_found", (await Answer.Of(await stranger.GetAsync($"/api/me/coupons/{coupon}/secret"))).Code);
        await using (var audit = system.Database.CreateCommand("SELECT count(*) FROM card_secret_reveals WHERE coupon_id = $1"))
        {
            audit.Parameters.Add(new() { Value = coupon });
            Assert.Equal(1L, await audit.ExecuteScalarAsync());
        }

        // Nothing in the table reads as the secret.
        await using (var stored = system.Database.CreateCommand("SELECT sealed, fingerprint FROM card_secrets WHERE campaign_id = $1"))
        {
            stored.Parameters.Add(new() { Value = cards });
            await using var reader = await stored.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                Assert.DoesNotContain($"GC-{run}", System.Text.Encoding.UTF8.GetString(reader.GetFieldValue<byte[]>(0)));
                Assert.DoesNotContain($"GC-{run}", System.Text.Encoding.UTF8.GetString(reader.GetFieldValue<byte[]>(1)));
            }
        }

        // A coupon whose secret was never imported says so.
        var short1 = await system.CreateCampaignAsync(2, cardSecrets: true);
        await ImportAsync(marketing, short1, $"ONE-{run}");
        await system.ClaimCouponAsync((await ShopperAsync()).Token, short1);
        var (late, _) = await system.ClaimCouponAsync(shopperToken, short1);
        Assert.Equal("secret_not_imported", (await Answer.Of(await shopperClient.GetAsync($"/api/me/coupons/{late}/secret"))).Code);
    }

    private static async Task<Answer> ImportAsync(HttpClient marketing, Guid campaign, params string[] secrets)
    {
        var answer = await Answer.Of(await marketing.PostAsJsonAsync($"/api/campaigns/{campaign}/secrets", new { secrets }));
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return answer;
    }

    private static List<(int, string)> Refused(Answer import) =>
        [.. import.Body.GetProperty("refused").EnumerateArray().Select(r => (r.GetProperty("index").GetInt32(), r.GetProperty("reason").GetString()!))];

    [Fact]
    public async Task Coupons_that_expire_unused_while_the_sale_is_open_go_back_into_stock_once()
    {
        var campaign = await system.CreateCampaignAsync(2, validity: new { afterClaim = "00:00:02" }, use: new { recycleExpired = true });
        var (_, first) = await ShopperAsync();
        var (_, second) = await ShopperAsync();
        var (_, latecomer) = await ShopperAsync();
        var (unused, _) = await system.ClaimCouponAsync(first, campaign);
        var (used, _) = await system.ClaimCouponAsync(second, campaign);
        using var secondClient = system.Client(second);
        Assert.Equal(HttpStatusCode.OK, (await secondClient.RedeemAsync(used, Order(), 100)).Status);
        using var late = system.Client(latecomer);
        Assert.Equal("sold_out", (await late.ClaimAsync(campaign, "too-early")).Code);

        // Two seconds after its claim the unused coupon expires, and its unit can be claimed again.
        var again = await Eventually.ReturnsAsync(() => late.ClaimAsync(campaign, Guid.NewGuid().ToString("N")),
            answer => answer.Status == HttpStatusCode.Created, TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Created, again.Status);

        await using var ledger = system.Database.CreateCommand(
            """
            SELECT (SELECT array_agg(coupon_id) FROM recycled_coupons WHERE campaign_id = $1),
                   s.issued, s.total_stock + s.recycled, (SELECT count(*) FROM coupons WHERE campaign_id = $1)
              FROM campaign_stock s WHERE s.campaign_id = $1
            """);
        ledger.Parameters.Add(new() { Value = campaign });
        await using var reader = await ledger.ExecuteReaderAsync();
        await reader.ReadAsync();
        var recycled = reader.GetFieldValue<Guid[]>(0);
        Assert.Contains(unused, recycled);
        Assert.DoesNotContain(used, recycled);
        Assert.Equal(recycled.Length, recycled.Distinct().Count());
        Assert.Equal(3, reader.GetInt32(1));
        Assert.Equal(2 + recycled.Length, reader.GetInt32(2));
        Assert.Equal(3L, reader.GetInt64(3));
    }

    [Fact]
    public async Task Bad_wallet_input_is_refused_with_a_code_and_changes_nothing()
    {
        var (_, token) = await ShopperAsync();
        var coupon = await CouponAsync(token, new { kind = "fixed", currency = "CNY", amountOff = 10 });
        using var client = system.Client(token);

        var bad = await Answer.Of(await client.PostAsJsonAsync($"/api/me/coupons/{coupon}/redeem", new { orderId = "", amount = -1, currency = "yuan" }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal("validation_failed", bad.Code);
        var errors = bad.Body.GetProperty("errors");
        Assert.True(errors.TryGetProperty("orderId", out _) && errors.TryGetProperty("amount", out _) && errors.TryGetProperty("currency", out _));
        Assert.Equal("validation_failed", (await client.RedeemAsync(coupon, Order(), 1.001m)).Code);
        Assert.Equal("malformed_json", (await Answer.Of(await client.PostAsync($"/api/me/coupons/{coupon}/redeem",
            new StringContent("{\"amount\":\"lots\"}", System.Text.Encoding.UTF8, "application/json")))).Code);
        Assert.Equal("validation_failed", (await client.WalletAsync("?status=lost")).Code);
        Assert.Equal("validation_failed", (await client.WalletAsync("?limit=0")).Code);
        Assert.Equal("validation_failed", (await client.WalletAsync("?after=bm90LWEtY3Vyc29y")).Code);
        Assert.Equal("validation_failed", (await client.TransferAsync(coupon, "")).Code);
        Assert.Equal("coupon_not_found", (await client.RedeemAsync(Guid.Empty, Order(), 1)).Code);
        Assert.Equal(HttpStatusCode.Unauthorized, (await system.Client().WalletAsync()).Status);
        Assert.Equal(0, await RedemptionsAsync(coupon));
    }

    [Fact]
    public async Task A_redemption_that_cannot_finish_by_its_deadline_is_answered_503_and_never_made()
    {
        var (_, token) = await ShopperAsync();
        var coupon = await CouponAsync(token, new { kind = "fixed", currency = "CNY", amountOff = 10 });
        using var client = system.Client(token);
        var order = Order();

        Answer stalled;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using (var blocker = await system.Database.OpenConnectionAsync())
        await using (var holding = await blocker.BeginTransactionAsync())
        {
            // The coupon's row locked, as a frozen silo's transaction would hold it: the redemption waits behind it.
            await using var lockRow = new Npgsql.NpgsqlCommand("SELECT 1 FROM coupons WHERE coupon_id = $1 FOR UPDATE", blocker, holding);
            lockRow.Parameters.Add(new() { Value = coupon });
            await lockRow.ExecuteScalarAsync();
            stalled = await client.RedeemAsync(coupon, order, 100);
        }

        // Answered once the deadline (MoneyChanges:Deadline, 4 s) and the clock skew allowed (0.5 s) had passed, not before
        // (soon after: the fault harness's clients wait 5 s; a loaded machine may wake the node a little late).
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stalled.Status);
        Assert.Equal("unavailable", stalled.Code);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(4.5), TimeSpan.FromSeconds(8));

        // The wallet grain takes calls in turn: once this answers, the stalled redemption has ended, having changed nothing.
        Assert.Equal(HttpStatusCode.OK, (await client.WalletAsync()).Status);
        Assert.Equal(0, await RedemptionsAsync(coupon));
        var again = await client.RedeemAsync(coupon, order, 100);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.False(again.Replayed);
        Assert.Equal(1, await RedemptionsAsync(coupon));
    }

    private async Task<(string Id, string Token)> ShopperAsync()
    {
        var id = "wallet-" + Guid.NewGuid().ToString("N")[..10];
        return (id, await system.TokenAsync(id, "shopper"));
    }

    private async Task<Guid> CouponAsync(string token, object coupon, object? use = null) =>
        (await system.ClaimCouponAsync(token, await system.CreateCampaignAsync(10, coupon: coupon, use: use))).Id;

    private static async Task<Answer> PlanAsync(HttpClient client, decimal amount) =>
        await Answer.Of(await client.PostAsJsonAsync("/api/me/checkout/plan", new { amount, currency = "CNY" }));

    private static async Task<Answer> CheckoutAsync(HttpClient client, string orderId, decimal amount, params Guid[] couponIds) =>
        await Answer.Of(await client.PostAsJsonAsync("/api/me/checkout",
            new { orderId, amount, currency = "CNY", couponIds = couponIds.Length == 0 ? null : couponIds }));

    private static List<Guid> PlannedIds(Answer plan) =>
        [.. plan.Body.GetProperty("coupons").EnumerateArray().Select(c => c.GetProperty("couponId").GetGuid())];

    private static string Order() => "order-" + Guid.NewGuid().ToString("N")[..12];

    private async Task<int> RedemptionsAsync(Guid coupon)
    {
        await using var command = system.Database.CreateCommand("SELECT count(*) FROM redemptions WHERE coupon_id = $1 AND refunded_at IS NULL");
        command.Parameters.Add(new() { Value = coupon });
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<decimal> SpentAsync(Guid card)
    {
        await using var command = system.Database.CreateCommand(
            "SELECT coalesce(sum(discount), 0) FROM redemptions WHERE coupon_id = $1 AND refunded_at IS NULL");
        command.Parameters.Add(new() { Value = card });
        return (decimal)(await command.ExecuteScalarAsync())!;
    }
}
