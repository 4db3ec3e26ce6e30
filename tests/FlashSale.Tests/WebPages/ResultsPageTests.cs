using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlashSale.Tests.WebPages;

/// <summary>
/// The results page in headless Chromium: a campaign sold out by real claims, drawn as charts whose
/// accessible summaries and series say what the API says; the comparison table and its CSV; the same
/// page in Chinese on a phone.
/// </summary>
[Trait("Tier", "EndToEnd")]
[Collection(PagesCollection.Name)]
public sealed class ResultsPageTests(PagesSystem system, HeadlessChromium chromium)
{
    private static readonly LocatorAssertionsToContainTextOptions Soon = new() { Timeout = 15_000 };

    // Refusals reach the timeline when the campaign saves them (every 5 s); the page asks every 5 s.
    private static readonly LocatorAssertionsToContainTextOptions AfterTheRefusalsAreSaved = new() { Timeout = 30_000 };

    [Fact]
    public async Task A_sold_out_sale_reads_as_charts_with_its_return_and_compares_with_another_campaign_in_english_and_chinese()
    {
        var sold = await system.CreateCampaignAsync(10, startsAt: DateTimeOffset.UtcNow.AddSeconds(-1));
        var other = await system.CreateCampaignAsync(5);
        var tag = sold.ToString("N")[..8];

        // 14 shoppers for 10 coupons; 4 winners redeem ¥50 off on ¥200 orders: ROI (800 − 200) / 200 = 3.
        var claims = await Task.WhenAll(Enumerable.Range(0, 14).Select(async i =>
        {
            var token = await system.TokenAsync($"results-{tag}-{i}", "shopper");
            using var client = system.Client(token);
            return (Token: token, Answer: await client.ClaimAsync(sold, "k", $"device-{i}"));
        }));
        var winners = claims.Where(c => c.Answer.Status == HttpStatusCode.Created).ToList();
        Assert.Equal(10, winners.Count);
        foreach (var (winner, n) in winners.Take(4).Select((w, n) => (w, n)))
        {
            using var shopper = system.Client(winner.Token);
            Assert.Equal(HttpStatusCode.OK, (await shopper.RedeemAsync(winner.Answer.CouponId, $"results-order-{tag}-{n}", 200m)).Status);
        }

        using (var otherShopper = system.Client(await system.TokenAsync($"results-{tag}-other", "shopper")))
        {
            Assert.Equal(HttpStatusCode.Created, (await otherShopper.ClaimAsync(other, "k")).Status);
        }

        using var marketing = await system.MarketerAsync($"results-{tag}");
        var roi = await marketing.GetFromJsonAsync<JsonElement>($"/api/campaigns/{sold}/roi");
        Assert.Equal((800m, 200m, 3m), (roi.GetProperty("orderValue").GetDecimal(), roi.GetProperty("discountCost").GetDecimal(), roi.GetProperty("roi").GetDecimal()));

        await using var page = await chromium.OpenAsync(system.BaseAddress, $"/results.html?campaign={sold}", HeadlessChromium.Desktop);
        await page.SignInAsync($"results-marketer-{tag}");
        await Expect(page.Page.Locator("#campaign .state")).ToHaveAttributeAsync("data-state", "sold_out");
        await Expect(page.Page.Locator("#claims-summary")).ToContainTextAsync("10 coupons issued", Soon);
        await Expect(page.Page.Locator("#sellout-summary")).ToContainTextAsync("Sold out: all 10 coupons in");
        await Expect(page.Page.Locator("#funnel-summary")).ToContainTextAsync("Claimed 10 → Redeemed 4 (40%)");
        await Expect(page.Page.Locator("#roi-summary")).ToContainTextAsync("Order value driven ¥800 for a discount cost of ¥200: ROI 300%");
        await Expect(page.Page.Locator("#refusals-summary")).ToContainTextAsync("4 claims refused during the sale: Sold out 4", AfterTheRefusalsAreSaved);
        // The charts hold the series the summaries speak of.
        var points = await page.Page.EvaluateAsync<int[]>("""
            () => ['claims-chart', 'sellout-chart', 'refusals-chart', 'funnel-chart', 'roi-chart']
              .map(id => echarts.getInstanceByDom(document.getElementById(id)).getOption().series.reduce((n, s) => n + s.data.length, 0))
            """);
        Assert.All(points, n => Assert.True(n > 0, string.Join(", ", points)));
        Assert.Equal(10, await page.Page.EvaluateAsync<int>("""
            () => echarts.getInstanceByDom(document.getElementById('claims-chart')).getOption().series[0].data.reduce((n, p) => n + p[1], 0)
            """));

        // The comparison: both campaigns, and the same rows as CSV.
        var table = page.Page.Locator("#compare-table");
        await Expect(table.Locator($"tr[data-campaign-id='{sold}'] .roi")).ToHaveTextAsync("300%");
        await Expect(table.Locator($"tr[data-campaign-id='{other}']")).ToHaveCountAsync(1);
        var download = await page.Page.RunAndWaitForDownloadAsync(() => page.Page.Locator("#compare-csv").ClickAsync());
        Assert.Equal("campaign-roi.csv", download.SuggestedFilename);
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.StartsWith("campaign_id,name,", csv[0], StringComparison.Ordinal);
        Assert.Contains(csv, line => line.StartsWith($"{sold},", StringComparison.Ordinal) && line.EndsWith(",3", StringComparison.Ordinal));
        Assert.Contains(csv, line => line.StartsWith($"{other},", StringComparison.Ordinal));

        // A chart's tooltip is drawn in its canvas: an HTML one would need inline styles, which the pages' CSP refuses.
        await page.Page.Locator("#claims-chart").HoverAsync();
        await page.Page.Locator("#funnel-chart").HoverAsync();
        await page.ScreenshotAsync("results-en-desktop");
        await page.AssertAccessibleAsync();
        page.AssertNoErrors();

        await using var phone = await chromium.OpenAsync(system.BaseAddress, $"/results.html?campaign={sold}", HeadlessChromium.Phone, locale: "zh-CN");
        await phone.SignInAsync($"results-marketer-{tag}");
        await Expect(phone.Page.Locator("header.bar h1")).ToHaveTextAsync("活动数据");
        await Expect(phone.Page.Locator("#claims-summary")).ToContainTextAsync("共领取10张", Soon);
        await Expect(phone.Page.Locator("#sellout-summary")).ToContainTextAsync("已抢光");
        await Expect(phone.Page.Locator("#roi-summary")).ToContainTextAsync("ROI 300%");
        await Expect(phone.Page.Locator("#refusals-summary")).ToContainTextAsync("已抢光 4");
        await Expect(phone.Page.Locator($"#compare-table tr[data-campaign-id='{sold}']")).ToHaveCountAsync(1);
        await phone.ScreenshotAsync("results-zh-phone");
        Assert.False(await phone.OverflowsSidewaysAsync());
        await phone.AssertAccessibleAsync();
        phone.AssertNoErrors();
    }

    [Fact]
    public async Task Variants_are_drawn_side_by_side_with_a_verdict_on_their_redemption_rates()
    {
        using var marketing = await system.MarketerAsync("results-ab");
        using var created = await marketing.PostAsJsonAsync("/api/campaigns", new
        {
            name = "A/B ¥20 or ¥30 off",
            perUserLimit = 1,
            startsAt = DateTimeOffset.UtcNow.AddSeconds(-1),
            endsAt = DateTimeOffset.UtcNow.AddHours(1),
            validity = new { days = 7 },
            variants = new object[]
            {
                new { key = "a", coupon = new { kind = "fixed", currency = "CNY", amountOff = 20 }, totalStock = 50 },
                new { key = "b", coupon = new { kind = "fixed", currency = "CNY", amountOff = 30 }, totalStock = 50 },
            },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var group = await created.Content.ReadFromJsonAsync<JsonElement>();
        var campaign = group.GetProperty("id").GetGuid();
        var keys = group.GetProperty("variants").EnumerateArray().ToDictionary(v => v.GetProperty("campaignId").GetGuid(), v => v.GetProperty("key").GetString()!);

        // Twenty shoppers, split by the campaign; those who landed in b redeem, those in a do not.
        for (var i = 0; i < 20; i++)
        {
            using var shopper = system.Client(await system.TokenAsync($"results-ab-{campaign:N}-{i}", "shopper"));
            var claim = await shopper.ClaimAsync(campaign, "k");
            Assert.Equal(HttpStatusCode.Created, claim.Status);
            if (keys[claim.Body.GetProperty("campaignId").GetGuid()] == "b")
            {
                Assert.Equal(HttpStatusCode.OK, (await shopper.RedeemAsync(claim.CouponId, $"results-ab-order-{campaign:N}-{i}", 100m)).Status);
            }
        }

        var units = (await marketing.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/stats")).GetProperty("units").EnumerateArray()
            .ToDictionary(u => u.GetProperty("key").GetString()!, u => u.GetProperty("stats"), StringComparer.Ordinal);
        var (a, b) = (units["a"].GetProperty("issued").GetInt32(), units["b"].GetProperty("issued").GetInt32());

        await using var page = await chromium.OpenAsync(system.BaseAddress, $"/results.html?campaign={campaign}", HeadlessChromium.Desktop);
        await page.SignInAsync("results-ab-marketer");
        var summary = page.Page.Locator("#variants-summary");
        await Expect(summary).ToContainTextAsync($"Variant a: 0 of {a} redeemed", Soon);
        await Expect(summary).ToContainTextAsync($"Variant b: {b} of {b} redeemed");
        await Expect(summary).ToContainTextAsync("b against a:");
        await Expect(summary).ToContainTextAsync("at 95% (p = ");
        Assert.Equal(["Variant a", "Variant b"], await page.Page.EvaluateAsync<string[]>(
            "() => echarts.getInstanceByDom(document.getElementById('variants-chart')).getOption().xAxis[0].data"), StringComparer.Ordinal);
        await Expect(page.Page.Locator("#claims-summary")).ToContainTextAsync("20 coupons issued");
        await page.AssertAccessibleAsync();
        page.AssertNoErrors();
    }
}
