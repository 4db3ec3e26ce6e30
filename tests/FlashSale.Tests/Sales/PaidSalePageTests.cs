using FlashSale.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlashSale.Tests.Sales;

/// <summary>A shopper buys on the shop page as on a phone: the order with its countdown, the gateway's pay page, the coupon in the wallet.</summary>
[Trait("Tier", "EndToEnd")]
[Collection(PaidSaleCollection.Name)]
public sealed class PaidSalePageTests(PaidSaleSystem system, HeadlessChromium chromium)
{
    private static readonly LocatorAssertionsToContainTextOptions Soon = new() { Timeout = 20_000 };

    [Fact]
    public async Task A_shopper_buys_on_the_shop_page_pays_on_the_gateways_page_and_finds_the_coupon_in_the_wallet()
    {
        var campaign = await system.CreateCampaignAsync(3, coupon: new { kind = "giftcard", currency = "CNY", cardValue = 50 },
            price: new { cash = 9.9m }, payment: new { window = TimeSpan.FromMinutes(5) });
        await using var shop = await chromium.OpenAsync(system.BaseAddress, "/shop.html", HeadlessChromium.Phone);
        await shop.SignInAsync("page-buyer-" + campaign.ToString("N")[..8]);
        await Expect(shop.Page.Locator("body[data-live=signed-in]")).ToBeAttachedAsync();

        var drop = shop.Page.Locator($"article[data-campaign-id='{campaign}']");
        var buy = drop.Locator("button.claim");
        await Expect(buy).ToHaveTextAsync("Buy for ¥9.90");
        await buy.ClickAsync();
        await Expect(drop.Locator(".message")).ToContainTextAsync("Order placed", Soon);
        // The stock shows the held unit live.
        await Expect(drop.Locator(".held")).ToContainTextAsync("1 held", Soon);

        var order = shop.Page.Locator("#orders li[data-status=pending_payment]");
        await Expect(order).ToHaveCountAsync(1);
        await Expect(order.Locator(".countdown")).ToContainTextAsync("Pay within 00:0");
        await shop.ScreenshotAsync("shop-order");

        var gateway = await shop.Page.RunAndWaitForPopupAsync(() => order.Locator("button.pay").ClickAsync());
        await Expect(gateway.Locator("#amount")).ToContainTextAsync("9.90");
        await gateway.Locator("#pay").ClickAsync();
        await Expect(gateway.Locator("#state")).ToHaveAttributeAsync("data-state", "SUCCESS", new() { Timeout = 15_000 });
        await gateway.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(HeadlessChromium.ScreenshotFolder, "sandbox-pay.png"), FullPage = true });

        // The shop learns of the payment from the server (it polls while an order waits): paid, and the card in the wallet.
        await Expect(shop.Page.Locator("#orders li[data-status=paid]")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Expect(shop.Page.Locator("#wallet li")).ToContainTextAsync("Gift card ¥50", Soon);
        Assert.False(await shop.OverflowsSidewaysAsync());
        await shop.ScreenshotAsync("shop-paid");

        // The admin page: the routing decisions, and today's statements reconciled on the spot, one report per channel.
        var orderId = await system.Database.ScalarAsync<Guid>("SELECT order_id FROM sale_orders WHERE campaign_id = $1", campaign);
        await using var admin = await chromium.OpenAsync(system.BaseAddress, "/admin.html");
        await admin.SignInAsync("books-admin");
        await Expect(admin.Page.Locator("#routes li").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await admin.Page.Locator("form#reconciliation input[name=date]").FillAsync(
            DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await admin.Page.Locator("#reconcile-now").ClickAsync();
        await Expect(admin.Page.Locator("#reconciliation-message.ok")).ToContainTextAsync("Reconciled", Soon);
        await Expect(admin.Page.Locator("#reports li[data-channel]")).ToHaveCountAsync(
            (int)await system.Database.ScalarAsync<long>("SELECT count(DISTINCT channel) FROM reconciliation_runs"));
        Assert.True(await system.Database.ScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM sale_payments WHERE order_id = $1 AND settlement = 'coupon')", orderId));
        await admin.ScreenshotAsync("admin-reconciliation");
        admin.AssertNoErrors();

        // The coupon was never used: the shopper refunds the order from the page, and the coupon is withdrawn.
        await shop.Page.Locator("#orders li[data-status=paid] button.refund").ClickAsync();
        await Expect(shop.Page.Locator("#orders li[data-status=refunded]")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        Assert.Equal("revoked", await system.Database.ScalarAsync<string>("SELECT sale_state FROM coupons WHERE coupon_id = $1", orderId));
        await Expect(shop.Page.Locator("#wallet li", new() { HasText = "Gift card ¥50" })).ToHaveCountAsync(0);
        shop.AssertNoErrors();
    }
}
