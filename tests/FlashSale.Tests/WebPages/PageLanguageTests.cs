using FlashSale.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace FlashSale.Tests.WebPages;

/// <summary>
/// Every page in both languages: a browser set to Chinese reads Chinese (and the switch in the header
/// brings English back), at phone and desktop width, with no serious accessibility violation (axe-core)
/// and no script error. The screenshots are kept in artifacts/screenshots.
/// </summary>
[Trait("Tier", "EndToEnd")]
[Collection(PagesCollection.Name)]
public sealed class PageLanguageTests(PagesSystem system, HeadlessChromium chromium)
{
    public static TheoryData<string, string, string> Pages => new()
    {
        { "board", "进行中的活动", "Active campaigns" },
        { "shop", "限时抢券", "Coupon drops" },
        { "marketing", "新建活动", "New campaign" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_page_reads_in_the_browsers_language_fits_a_phone_and_passes_axe(string page, string chinese, string english)
    {
        await system.CreateCampaignAsync(100);
        await using (var phone = await chromium.OpenAsync(system.BaseAddress, $"/{page}.html", HeadlessChromium.Phone, locale: "zh-CN"))
        {
            await Expect(phone.Page.Locator("body[data-live]")).ToBeAttachedAsync();
            await Expect(phone.Page.Locator("main")).ToContainTextAsync(chinese);
            await Expect(phone.Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
            await Expect(phone.Page.Locator("article.card").First).ToBeVisibleAsync();
            Assert.False(await phone.OverflowsSidewaysAsync(), $"{page} in Chinese is wider than a phone.");
            await phone.ScreenshotAsync($"{page}-zh-phone");
            await phone.AssertAccessibleAsync();

            // The switch keeps the choice for the next visit.
            await phone.Page.Locator("header select.language").SelectOptionAsync("en");
            await Expect(phone.Page.Locator("main")).ToContainTextAsync(english);
            await phone.Page.ReloadAsync();
            await Expect(phone.Page.Locator("main")).ToContainTextAsync(english);
            phone.AssertNoErrors();
        }

        await using var desktop = await chromium.OpenAsync(system.BaseAddress, $"/{page}.html", HeadlessChromium.Desktop);
        await Expect(desktop.Page.Locator("body[data-live]")).ToBeAttachedAsync();
        await Expect(desktop.Page.Locator("main")).ToContainTextAsync(english);
        await Expect(desktop.Page.Locator("article.card").First).ToBeVisibleAsync();
        await desktop.ScreenshotAsync($"{page}-en-desktop");
        await desktop.AssertAccessibleAsync();
        desktop.AssertNoErrors();
    }
}
