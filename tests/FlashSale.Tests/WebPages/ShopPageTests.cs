using System.Net;
using System.Net.Http.Json;
using FlashSale.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlashSale.Tests.WebPages;

/// <summary>
/// The shop's wallet on a phone, as a shopper uses it: claims, a card secret, a points card, the till's
/// QR code, a gift to a friend, and checkout with the best set; each outcome checked in PostgreSQL.
/// </summary>
[Trait("Tier", "EndToEnd")]
[Collection(PagesCollection.Name)]
public sealed class ShopPageTests(PagesSystem system, HeadlessChromium chromium)
{
    private static readonly LocatorAssertionsToContainTextOptions Soon = new() { Timeout = 15_000 };

    /// <summary>Risk control asks for a proof of work; the phone does it in the background and the same press claims.</summary>
    [Fact]
    public async Task A_challenged_claim_is_solved_by_the_phone_and_the_coupon_arrives()
    {
        var campaign = await system.CreateCampaignAsync(10);
        using (var admin = await system.AdminAsync())
        {
            await admin.SaveRuleAsync(new
            {
                name = "prove it",
                campaignId = campaign,
                when = new[] { new { signal = "shopper.claims_per_minute", op = ">=", value = 1 } },
                action = "challenge",
                difficulty = 2,
            });
        }

        var shopper = "challenged-" + Guid.NewGuid().ToString("N")[..8];
        await using var shop = await chromium.OpenAsync(system.BaseAddress, "/shop.html", HeadlessChromium.Phone, locale: "zh-CN");
        await shop.SignInAsync(shopper);
        var drop = shop.Page.Locator($"article[data-campaign-id='{campaign}']");
        await drop.Locator("button.claim").ClickAsync();
        await Expect(drop.Locator(".message.ok")).ToContainTextAsync("领取成功", Soon);

        Assert.Equal(1L, await system.Database.ScalarAsync<long>("SELECT count(*) FROM coupons WHERE campaign_id = $1 AND shopper_id = $2", campaign, shopper));
        Assert.Equal(1L, await system.Database.ScalarAsync<long>(
            "SELECT count(*) FROM risk_decisions WHERE campaign_id = $1 AND shopper_id = $2 AND verdict = 'challenged'", campaign, shopper));
        await shop.AssertAccessibleAsync();
        shop.AssertNoErrors();
    }

    [Fact]
    public async Task A_shopper_claims_reveals_a_card_secret_adds_points_gives_a_coupon_away_and_checks_out_with_the_best_set()
    {
        var twenty = await system.CreateCampaignAsync(10, use: new { transfer = "none", stackable = true }, coupon: new { kind = "fixed", currency = "CNY", amountOff = 20 });
        var thirtyFromHundred = await system.CreateCampaignAsync(10, use: new { stackable = true },
            coupon: new { kind = "threshold", currency = "CNY", amountOff = 30, minSpend = 100 });
        var gift = await system.CreateCampaignAsync(10, use: new { transfer = "free" }, coupon: new { kind = "fixed", currency = "CNY", amountOff = 5 });
        var withSecret = await system.CreateCampaignAsync(10, use: new { stackable = false }, cardSecrets: true,
            coupon: new { kind = "fixed", currency = "CNY", amountOff = 1 });
        var pointsCard = await system.CreateCampaignAsync(10, coupon: new { kind = "points", currency = "CNY", points = 300 });
        using (var marketing = system.Client(await system.TokenAsync("secret-importer", "marketing")))
        {
            var imported = await marketing.PostAsJsonAsync($"/api/campaigns/{withSecret}/secrets", new { secrets = new[] { "GAME-7731-PAGE" } });
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }

        var shopper = "wallet-user-" + Guid.NewGuid().ToString("N")[..8];
        var friend = "wallet-friend-" + Guid.NewGuid().ToString("N")[..8];
        await using var shop = await chromium.OpenAsync(system.BaseAddress, "/shop.html", HeadlessChromium.Phone);
        await shop.SignInAsync(shopper);
        foreach (var campaign in new[] { twenty, thirtyFromHundred, gift, withSecret, pointsCard })
        {
            var drop = shop.Page.Locator($"article[data-campaign-id='{campaign}']");
            await drop.Locator("button.claim").ClickAsync();
            await Expect(drop.Locator(".message.ok")).ToContainTextAsync("Claimed!", Soon);
        }

        var wallet = shop.Page.Locator("#wallet");
        await Expect(wallet.Locator("li[data-status=available]")).ToHaveCountAsync(5);

        // The card secret, revealed on the page, is the one imported for the first claim.
        var secretCoupon = wallet.Locator("li", new() { HasText = "¥1 off" });
        await secretCoupon.Locator("button.reveal").ClickAsync();
        await Expect(secretCoupon.Locator(".secret")).ToContainTextAsync("GAME-7731-PAGE");

        // The points card goes into the balance once; its coupon leaves the available list.
        await wallet.Locator("li", new() { HasText = "300 points" }).Locator("button.add-points").ClickAsync();
        await Expect(shop.Page.Locator("#points-balance")).ToHaveTextAsync("300");
        await Expect(shop.Page.Locator("#points-history li[data-reason=points_card]")).ToHaveCountAsync(1);
        Assert.Equal(300L, await system.Database.ScalarAsync<long>("SELECT coalesce(sum(delta), 0)::bigint FROM points_entries WHERE shopper_id = $1", shopper));

        // At the till: the code as a QR image and in text.
        var threshold = wallet.Locator("li", new() { HasText = "¥30 off orders from ¥100" });
        var code = (await threshold.Locator(".code").TextContentAsync())!.Trim();
        await threshold.Locator("button.use-at-till").ClickAsync();
        var till = shop.Page.Locator("dialog#till");
        await Expect(till).ToBeVisibleAsync();
        await Expect(till.Locator("#till-code")).ToHaveTextAsync(code);
        Assert.StartsWith("data:image/", await till.Locator("#till-qr").GetAttributeAsync("src"));
        await shop.ScreenshotAsync("shop-till-en-phone");
        await till.Locator("button").ClickAsync();
        await Expect(till).ToBeHiddenAsync();

        // A gift: only the transferable coupon offers it; the friend holds it afterwards, and the giver sees it given away.
        Assert.Equal(1, await wallet.Locator("button.give").CountAsync());
        var giftCoupon = wallet.Locator("li", new() { HasText = "¥5 off" });
        await giftCoupon.Locator("button.give").ClickAsync();
        await giftCoupon.Locator("form.give input[name=to]").FillAsync(friend);
        await giftCoupon.Locator("form.give button").ClickAsync();
        await Expect(wallet.Locator("li", new() { HasText = "¥5 off" })).ToHaveCountAsync(0);
        Assert.Equal(friend, await system.Database.ScalarAsync<string>("SELECT holder_id FROM coupons WHERE shopper_id = $1 AND campaign_id = $2", shopper, gift));
        await shop.Page.Locator("#wallet-tabs button[data-status=transferred]").ClickAsync();
        await Expect(wallet.Locator("li[data-status=transferred]")).ToContainTextAsync("¥5 off");
        await shop.Page.Locator("#wallet-tabs button[data-status=available]").ClickAsync();

        // Checkout: on ¥150 the best set is the two stackable coupons (¥20 + ¥30), not the ¥1 one that stacks with nothing.
        var checkout = shop.Page.Locator("#checkout");
        await checkout.Locator("input[name=amount]").FillAsync("150");
        await checkout.Locator("form button").ClickAsync();
        await Expect(checkout.Locator(".total-discount")).ToHaveTextAsync("¥50");
        await Expect(checkout.Locator(".payable")).ToHaveTextAsync("¥100");
        await checkout.Locator("button.use-plan").ClickAsync();
        await Expect(checkout.Locator("#checkout-message.ok")).ToContainTextAsync("you saved ¥50", Soon);
        Assert.Equal(2L, await system.Database.ScalarAsync<long>(
            "SELECT count(*) FROM redemptions r JOIN coupons c USING (coupon_id) WHERE c.shopper_id = $1 AND r.kind <> 'points_card' AND r.refunded_at IS NULL", shopper));
        Assert.Equal(50m, await system.Database.ScalarAsync<decimal>(
            "SELECT sum(r.discount) FROM redemptions r JOIN coupons c USING (coupon_id) WHERE c.shopper_id = $1 AND r.kind <> 'points_card'", shopper));
        await shop.Page.Locator("#wallet-tabs button[data-status=redeemed]").ClickAsync();
        // The two used at checkout, and the points card.
        await Expect(wallet.Locator("li[data-status=redeemed]")).ToHaveCountAsync(3);

        // The order is listed with what it saved; cancelling it gives both coupons back; the points card stays used.
        var order = checkout.Locator("#coupon-orders li[data-cancelled=false]");
        await Expect(order).ToContainTextAsync("¥150 −¥50", Soon);
        await order.Locator("button.cancel-order").ClickAsync();
        await Expect(checkout.Locator("#checkout-message.ok")).ToContainTextAsync("2 coupon(s) back", Soon);
        await Expect(checkout.Locator("#coupon-orders li[data-cancelled=true]")).ToContainTextAsync("Cancelled", Soon);
        await Expect(wallet.Locator("li[data-status=redeemed]")).ToHaveCountAsync(1);
        Assert.Equal(0L, await system.Database.ScalarAsync<long>(
            "SELECT count(*) FROM redemptions r JOIN coupons c USING (coupon_id) WHERE c.shopper_id = $1 AND r.kind <> 'points_card' AND r.refunded_at IS NULL", shopper));

        Assert.False(await shop.OverflowsSidewaysAsync(), "The shop is wider than a phone.");
        await shop.ScreenshotAsync("shop-wallet-en-phone");
        await shop.AssertAccessibleAsync();
        shop.AssertNoErrors();
    }
}
