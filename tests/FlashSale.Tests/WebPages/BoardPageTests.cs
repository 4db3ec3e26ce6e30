using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace FlashSale.Tests.WebPages;

/// <summary>The board's cluster panel: the running silo and API node, as the API reports them and as the page shows them.</summary>
[Trait("Tier", "EndToEnd")]
[Collection(PagesCollection.Name)]
public sealed class BoardPageTests(PagesSystem system, HeadlessChromium chromium)
{
    [Fact]
    public async Task The_board_shows_the_silo_active_and_the_api_node_up_to_operators_only()
    {
        using (var shopper = system.Client(await system.TokenAsync("board-shopper", "shopper")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await shopper.GetAsync("/api/cluster")).StatusCode);
        }

        using var operatorClient = system.Client(await system.TokenAsync("board-operator", "admin"));
        var cluster = await Eventually.ReturnsAsync(
            () => operatorClient.GetFromJsonAsync<JsonElement>("/api/cluster"),
            c => c.GetProperty("apiNodes").GetArrayLength() > 0);
        Assert.Contains(cluster.GetProperty("silos").EnumerateArray(), s => s.GetProperty("status").GetString() == "Active");
        Assert.All(cluster.GetProperty("apiNodes").EnumerateArray(), n => Assert.True(n.GetProperty("up").GetBoolean()));

        await using var board = await chromium.OpenAsync(system.BaseAddress, "/board.html", locale: "zh-CN");
        await Expect(board.Page.Locator("#cluster-hint")).ToBeVisibleAsync();
        await board.SignInAsync("board-operator", role: "admin");
        await Expect(board.Page.Locator("#cluster li[data-kind=silo][data-state=active]").First).ToContainTextAsync("运行中");
        await Expect(board.Page.Locator("#cluster li[data-kind=api][data-state=up]").First).ToContainTextAsync("在线");
        await board.ScreenshotAsync("board-cluster-zh-desktop");
        board.AssertNoErrors();
    }

    [Fact]
    public async Task An_operator_watching_the_board_sees_the_auditor_raise_a_coupon_forged_around_the_API()
    {
        var campaign = await system.CreateCampaignAsync(10);
        var (coupon, _) = await system.ClaimCouponAsync(await system.TokenAsync($"forged-{campaign:N}", "shopper"), campaign);
        await using var board = await chromium.OpenAsync(system.BaseAddress, "/board.html");
        await board.SignInAsync("board-auditor", role: "admin");
        await Expect(board.Page.Locator("body[data-live=signed-in]")).ToBeAttachedAsync();

        await system.Database.ForgeSecondCouponAsync(coupon);

        var breach = board.Page.Locator($"#alerts li[data-kind=invariant_breach][data-campaign-id='{campaign}']");
        await Expect(breach.Filter(new() { HasText = "ledger_matches_issued" })).ToContainTextAsync("Books broken: ledger_matches_issued",
            new() { Timeout = 15_000 });
        await Expect(breach.Filter(new() { HasText = "shopper_limit" })).ToHaveCountAsync(1);
        board.AssertNoErrors();
    }
}
