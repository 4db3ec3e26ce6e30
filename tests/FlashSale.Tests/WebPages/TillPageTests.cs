using FlashSale.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlashSale.Tests.WebPages;

/// <summary>A merchant's till on a phone, in Chinese: a bad code refused, a shopper's code taken, the order cancelled; each checked in PostgreSQL.</summary>
[Trait("Tier", "EndToEnd")]
[Collection(PagesCollection.Name)]
public sealed class TillPageTests(PagesSystem system, HeadlessChromium chromium)
{
    private static readonly LocatorAssertionsToContainTextOptions Soon = new() { Timeout = 15_000 };

    [Fact]
    public async Task A_till_takes_the_code_a_shopper_shows_and_cancels_the_order_so_the_coupon_goes_back()
    {
        var campaign = await system.CreateCampaignAsync(5);
        var shopper = "till-shopper-" + Guid.NewGuid().ToString("N")[..8];
        var (couponId, code) = await system.ClaimCouponAsync(await system.TokenAsync(shopper, "shopper"), campaign);

        await using var till = await chromium.OpenAsync(system.BaseAddress, "/till.html", HeadlessChromium.Phone, locale: "zh-CN");
        await Expect(till.Page.Locator("h1")).ToHaveTextAsync("收银台");
        await till.SignInAsync("till-07");
        var redeem = till.Page.Locator("form#redeem");

        await redeem.Locator("input[name=code]").FillAsync("NO-SUCH-CODE");
        await redeem.Locator("input[name=amount]").FillAsync("200");
        await redeem.Locator("button").ClickAsync();
        await Expect(till.Page.Locator("#redeem-message.error")).Not.ToBeEmptyAsync();

        await redeem.Locator("input[name=code]").FillAsync(code);
        var order = await redeem.Locator("input[name=orderId]").InputValueAsync();
        await redeem.Locator("button").ClickAsync();
        await Expect(till.Page.Locator("#redeem-message.ok")).ToContainTextAsync("优惠 ¥50，应收 ¥150", Soon);
        Assert.Equal(1L, await system.Database.ScalarAsync<long>(
            "SELECT count(*) FROM redemptions WHERE coupon_id = $1 AND order_id = $2 AND refunded_at IS NULL", couponId, order));
        // The refused code before it wrote nothing on the order.
        Assert.Equal(1L, await system.Database.ScalarAsync<long>("SELECT count(*) FROM redemptions WHERE order_id = $1", order));

        var cancel = till.Page.Locator("form#cancel");
        await cancel.Locator("input[name=orderId]").FillAsync(order);
        await cancel.Locator("button").ClickAsync();
        await Expect(till.Page.Locator("#cancel-message.ok")).ToContainTextAsync("已撤销", Soon);
        Assert.Equal(0L, await system.Database.ScalarAsync<long>(
            "SELECT count(*) FROM redemptions WHERE coupon_id = $1 AND refunded_at IS NULL", couponId));

        Assert.False(await till.OverflowsSidewaysAsync(), "The till is wider than a phone.");
        await till.ScreenshotAsync("till-zh-phone");
        await till.AssertAccessibleAsync();
        till.AssertNoErrors();
    }
}
