using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlashSale.Tests.WebPages;

/// <summary>
/// The board, shop and marketing pages in headless Chromium against the running system, driven as
/// their users drive them; what the pages show is checked against PostgreSQL. Screenshots of each
/// page are kept in artifacts/screenshots.
/// </summary>
[Trait("Tier", "EndToEnd")]
[Collection(PagesCollection.Name)]
public sealed class WebPageTests(PagesSystem system, HeadlessChromium chromium)
{
    private static readonly LocatorAssertionsToHaveTextOptions Soon = new() { Timeout = 15_000 };
    private static readonly LocatorAssertionsToContainTextOptions SoonContains = new() { Timeout = 15_000 };

    [Fact]
    public async Task The_board_shows_a_claim_race_drain_the_stock_to_zero_and_the_campaign_sell_out()
    {
        var campaign = await system.CreateCampaignAsync(60);
        await using var board = await chromium.OpenAsync(system.BaseAddress, "/board.html");
        var operatorId = "operator-" + campaign.ToString("N")[..8];
        await board.PasteTokenAsync(await system.TokenAsync(operatorId, "admin"), operatorId);
        await Expect(board.Page.Locator("body[data-live=signed-in]")).ToBeAttachedAsync();
        var card = board.Page.Locator($"article[data-campaign-id='{campaign}']");
        await Expect(card.Locator(".state")).ToHaveAttributeAsync("data-state", "open");
        await Expect(card.Locator(".remaining")).ToHaveTextAsync("60");

        // 90 shoppers race for 60 coupons.
        var tokens = await Task.WhenAll(Enumerable.Range(0, 90).Select(i => system.TokenAsync($"board-{campaign:N}-{i}", "shopper")));
        using var client = system.Client(maxConnections: 32);
        var answers = await Task.WhenAll(tokens.Select(async (token, i) =>
        {
            using var request = Infrastructure.Api.ClaimRequest(campaign, $"key-{i}", $"device-{i}");
            request.Headers.Authorization = new("Bearer", token);
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }));
        Assert.Equal(60, answers.Count(status => status == HttpStatusCode.Created));

        await Expect(card.Locator(".stock")).ToHaveAttributeAsync("data-remaining", "0", new() { Timeout = 15_000 });
        await Expect(card.Locator(".remaining")).ToHaveTextAsync("0", Soon);
        await Expect(card.Locator(".issued")).ToHaveTextAsync("60", Soon);
        await Expect(card.Locator(".state")).ToHaveAttributeAsync("data-state", "sold_out");
        await Expect(card.Locator(".state")).ToHaveTextAsync("Sold out");
        await Expect(card.Locator(".rejections [data-code=sold_out]")).ToBeAttachedAsync();
        await Expect(board.Page.Locator($"#alerts li[data-kind=sold_out][data-campaign-id='{campaign}']")).ToHaveCountAsync(1);
        await Expect(board.Page.Locator($"#alerts li[data-kind=low_stock][data-campaign-id='{campaign}']")).ToHaveCountAsync(2);
        Assert.Equal(60, await LedgerAudit.IssuedAsync(system.Database, campaign));

        await board.ScreenshotAsync("board");
        board.AssertNoErrors();
    }

    [Fact]
    public async Task A_gold_member_waits_out_their_early_countdown_claims_on_the_page_and_sees_the_coupon_and_its_expiry_alert()
    {
        // Opens in a few seconds, six seconds earlier for gold members like this shopper; coupons last 63 s and
        // remind a minute before they lapse, so the alert comes soon after the claim. Gold opens 10 s from now:
        // signing in a phone-sized page took over 4 s on a loaded machine, and the countdown must still be showing.
        var startsAt = DateTimeOffset.UtcNow.AddSeconds(16);
        var goldOpens = startsAt.AddSeconds(-6);
        var campaign = await system.CreateCampaignAsync(10, startsAt: startsAt, validity: new { afterClaim = "00:01:03" },
            use: new { remindBefore = new[] { "00:01:00" } }, earlyAccess: new[] { new { tier = "gold", lead = "00:00:06" } });
        var shopper = "page-shopper-" + campaign.ToString("N")[..8];
        await using var shop = await chromium.OpenAsync(system.BaseAddress, "/shop.html", HeadlessChromium.Phone);
        await shop.SignInAsync(shopper, tier: "gold");
        await Expect(shop.Page.Locator("body[data-live=signed-in]")).ToBeAttachedAsync();

        var drop = shop.Page.Locator($"article[data-campaign-id='{campaign}']");
        var claim = drop.Locator("button.claim");
        await Expect(drop.Locator(".countdown")).ToContainTextAsync("Opens in 00:00:0");
        await Expect(claim).ToBeDisabledAsync();
        await shop.ScreenshotAsync("shop-countdown");

        await Expect(drop.Locator(".early-access")).ToBeVisibleAsync();
        await Expect(claim).ToBeEnabledAsync(new() { Timeout = 20_000 });
        Assert.True(DateTimeOffset.UtcNow >= goldOpens, "The claim button enabled itself before the sale opened for gold members.");
        await Expect(drop.Locator(".countdown")).ToContainTextAsync("Ends in");
        await claim.ClickAsync();

        var code = await CodeOfAsync(shopper, campaign);
        Assert.True(await IssuedBeforeAsync(code, startsAt), "The gold member's coupon was not issued early.");
        await Expect(drop.Locator(".message")).ToHaveTextAsync($"Claimed! Code {code}", Soon);
        await Expect(drop.Locator(".remaining")).ToHaveTextAsync("9", Soon);
        var coupon = shop.Page.Locator("#wallet li", new() { HasText = code });
        await Expect(coupon).ToHaveCountAsync(1);
        await Expect(coupon.Locator(".expires-soon")).ToBeVisibleAsync();

        // The expiry alert arrives live, as a notice and in the alert list.
        await Expect(shop.Page.Locator("#toasts div")).ToContainTextAsync("expires", new() { Timeout = 20_000 });
        await Expect(shop.Page.Locator("#alerts li.unread")).ToHaveCountAsync(1);
        Assert.False(await shop.OverflowsSidewaysAsync());
        await shop.ScreenshotAsync("shop");

        // A second press is refused by the per-shopper limit, and the page says so.
        await claim.ClickAsync();
        await Expect(drop.Locator(".message.error")).ToContainTextAsync("already hold", SoonContains);
        Assert.Equal(1, await CouponCountAsync(shopper, campaign));
        shop.AssertNoErrors();
    }

    [Fact]
    public async Task A_marketer_creates_a_campaign_on_the_page_watches_its_results_and_controls_it()
    {
        await using var marketing = await chromium.OpenAsync(system.BaseAddress, "/marketing.html");
        var name = "Page drop " + Guid.NewGuid().ToString("N")[..8];
        var form = marketing.Page.Locator("form#create");
        await Expect(form.Locator("input[name=startsAt]")).Not.ToHaveValueAsync("");

        // Signed out, nothing is sent; a pasted string that is no token signs nobody in.
        await form.Locator("input[name=name]").FillAsync(name);
        await form.Locator("button#submit").ClickAsync();
        await Expect(marketing.Page.Locator("#create-message")).ToHaveTextAsync("Sign in as marketing first.");
        await marketing.Page.Locator("form.signin input[name=token]").FillAsync("not-a-token");
        await marketing.Page.Locator("form.signin button").ClickAsync();
        await Expect(marketing.Page.Locator("form.signin .message")).ToHaveTextAsync("That is not a token.");
        await marketing.Page.Locator("form.signin input[name=token]").FillAsync("");

        await marketing.SignInAsync("marketer-" + name[^8..]);

        // A refused field is shown beside it, and nothing is created.
        await form.Locator("input[name=totalStock]").FillAsync("0");
        await form.Locator("button#submit").ClickAsync();
        await Expect(form.Locator("[data-field=totalStock]")).Not.ToHaveTextAsync("", Soon);
        Assert.Equal(0, await CampaignsNamedAsync(name));

        // A threshold coupon, opening now: the page's own clock fields, set as a marketer would.
        await form.Locator("select[name=kind]").SelectOptionAsync("threshold");
        await Expect(form.Locator("input[name=percentOff]")).ToBeHiddenAsync();
        await form.Locator("input[name=amountOff]").FillAsync("20");
        await form.Locator("input[name=minSpend]").FillAsync("100");
        await form.Locator("input[name=totalStock]").FillAsync("5");
        var opening = DateTimeOffset.UtcNow.AddSeconds(-5);
        await form.Locator("input[name=startsAt]").FillAsync(await marketing.LocalInputAsync(opening));
        await form.Locator("input[name=earlyAccess]").FillAsync("gold 90");
        await form.Locator("input[name=draft]").CheckAsync();
        await form.Locator("button#submit").ClickAsync();
        await Expect(marketing.Page.Locator("#create-message")).ToHaveTextAsync($"Created “{name}”: Draft.", Soon);
        Assert.Equal(1, await CampaignsNamedAsync(name));

        var card = marketing.Page.Locator("article.card", new() { HasText = name });
        await Expect(card.Locator(".terms")).ToContainTextAsync("¥20 off orders from ¥100");
        var campaign = Guid.Parse((await card.GetAttributeAsync("data-campaign-id"))!);
        Assert.True(await LedgerFlagAsync(campaign, "draft"));
        using (var marketer = system.Client(await system.TokenAsync("marketer-" + name[^8..], "marketing")))
        {
            var early = (await marketer.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}")).GetProperty("earlyAccess")[0];
            Assert.Equal(("gold", "01:30:00"), (early.GetProperty("tier").GetString(), early.GetProperty("lead").GetString()));
        }

        await Expect(card.Locator("button.pause")).ToBeHiddenAsync();
        await card.Locator("button.publish").ClickAsync();
        await Expect(card.Locator(".state")).ToHaveAttributeAsync("data-state", "open");
        Assert.False(await LedgerFlagAsync(campaign, "draft"));

        // Its results, live: five shoppers take the five coupons.
        using var client = system.Client();
        for (var i = 0; i < 5; i++)
        {
            using var request = Infrastructure.Api.ClaimRequest(campaign, $"key-{i}");
            request.Headers.Authorization = new("Bearer", await system.TokenAsync($"{name}-{i}", "shopper"));
            Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(request)).StatusCode);
        }

        await Expect(card.Locator(".issued")).ToHaveTextAsync("5", Soon);
        await Expect(card.Locator(".state")).ToHaveAttributeAsync("data-state", "sold_out");

        // Its results on demand, and its ledger as a CSV download.
        await card.Locator("button.show-results").ClickAsync();
        await Expect(card.Locator("dd[data-name=Claimants]")).ToHaveTextAsync("5");
        await Expect(card.Locator("dd[data-name=Issued]")).ToHaveTextAsync("5 of 5");
        var download = await marketing.Page.RunAndWaitForDownloadAsync(() => card.Locator("button.export").ClickAsync());
        Assert.Equal($"campaign-{campaign}.csv", download.SuggestedFilename);
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.Equal(6, csv.Length);

        // The controls: top up the sold-out sale, pause it, resume it, end it (asked twice).
        await card.Locator("input.top-up").FillAsync("3");
        await card.Locator("button.top-up").ClickAsync();
        await Expect(card.Locator(".state")).ToHaveAttributeAsync("data-state", "open");
        await Expect(card.Locator(".remaining")).ToHaveTextAsync("3", Soon);
        await card.Locator("button.pause").ClickAsync();
        await Expect(card.Locator(".state")).ToHaveAttributeAsync("data-state", "paused");
        await Expect(card.Locator("button.pause")).ToHaveTextAsync("Resume");
        Assert.True(await LedgerFlagAsync(campaign, "paused"));
        await card.Locator("button.pause").ClickAsync();
        await Expect(card.Locator(".state")).ToHaveAttributeAsync("data-state", "open");
        await card.Locator("button.end").ClickAsync();
        await Expect(card.Locator("button.end")).ToHaveTextAsync("Really end?");
        Assert.False(await LedgerFlagAsync(campaign, "ends_at <= now()"));
        await card.Locator("button.end").ClickAsync();
        await Expect(card.Locator(".state")).ToHaveAttributeAsync("data-state", "ended");
        await Expect(card.Locator("button.top-up")).ToBeDisabledAsync();
        Assert.True(await LedgerFlagAsync(campaign, "ends_at <= now()"));
        Assert.Equal(8, (await LedgerAudit.ReadAsync(system.Database, campaign)).TotalStock);
        await marketing.ScreenshotAsync("marketing");

        // The list's filters: ended campaigns appear only when asked for.
        var filters = marketing.Page.Locator("form#filters");
        await filters.Locator("button").ClickAsync();
        await Expect(marketing.Page.Locator($"article[data-campaign-id='{campaign}']")).ToHaveCountAsync(0);
        await filters.Locator("select[name=state]").SelectOptionAsync("ended");
        // From its opening on: other tests' ended campaigns opened earlier.
        await filters.Locator("input[name=from]").FillAsync(await marketing.LocalInputAsync(opening.AddSeconds(-1)));
        await filters.Locator("button").ClickAsync();
        await Expect(marketing.Page.Locator($"article[data-campaign-id='{campaign}']")).ToHaveCountAsync(1);
        await Expect(marketing.Page.Locator("article.card .state[data-state]:not([data-state=ended])")).ToHaveCountAsync(0);
        marketing.AssertNoErrors();
    }

    [Fact]
    public async Task A_shopper_picks_a_batch_on_the_page_and_gets_that_batchs_coupon()
    {
        using var marketing = system.Client(await system.TokenAsync("batch-marketer", "marketing"));
        var created = await marketing.PostAsJsonAsync("/api/campaigns", new
        {
            name = "Tiered drop",
            startsAt = DateTimeOffset.UtcNow.AddSeconds(-1),
            endsAt = DateTimeOffset.UtcNow.AddHours(1),
            validity = new { days = 7 },
            batches = new object[]
            {
                new { key = "b50", name = "¥50 off", coupon = new { kind = "fixed", currency = "CNY", amountOff = 50 }, totalStock = 1 },
                new { key = "b10", name = "¥10 off", coupon = new { kind = "fixed", currency = "CNY", amountOff = 10 }, totalStock = 20 },
            },
        });
        var group = await created.Content.ReadFromJsonAsync<JsonElement>();
        var campaign = group.GetProperty("id").GetGuid();
        var b10 = group.GetProperty("batches")[1].GetProperty("campaignId").GetGuid();
        var shopper = "batch-picker-" + campaign.ToString("N")[..8];
        await using var shop = await chromium.OpenAsync(system.BaseAddress, "/shop.html", HeadlessChromium.Phone);
        await shop.SignInAsync(shopper);
        var drop = shop.Page.Locator($"article[data-campaign-id='{campaign}']");
        await Expect(drop.Locator("button.claim")).ToBeHiddenAsync();
        var pick = drop.Locator("button[data-batch=b10]");
        await Expect(pick).ToContainTextAsync("¥10 off: 20 left");
        await pick.ClickAsync();
        await Expect(drop.Locator(".message.ok")).ToContainTextAsync("Claimed!", SoonContains);
        await Expect(pick).ToContainTextAsync("19 left", SoonContains);
        await Expect(shop.Page.Locator("#wallet li", new() { HasText = "¥10 off" })).ToHaveCountAsync(1);
        await using (var command = system.Database.CreateCommand("SELECT campaign_id FROM coupons WHERE shopper_id = $1"))
        {
            command.Parameters.Add(new() { Value = shopper });
            Assert.Equal(b10, (Guid)(await command.ExecuteScalarAsync())!);
        }

        await shop.ScreenshotAsync("shop-batches");
        shop.AssertNoErrors();

        // Marketing tops up one batch from the page.
        await using var page = await chromium.OpenAsync(system.BaseAddress, "/marketing.html");
        await page.SignInAsync("batch-topper");
        // Signing in redraws the list; a reload starts signed in, so the card below is the one that stays.
        await page.Page.ReloadAsync();
        await Expect(page.Page.Locator("body[data-live=signed-in]")).ToBeAttachedAsync();
        var card = page.Page.Locator($"article[data-campaign-id='{campaign}']");
        await Expect(card.Locator("select.top-up-unit option")).ToHaveCountAsync(2);
        await card.Locator("select.top-up-unit").SelectOptionAsync("b10");
        await card.Locator("input.top-up").FillAsync("5");
        await card.Locator("button.top-up").ClickAsync();
        await Expect(page.Page.Locator("#toasts div", new() { HasText = "Added 5 coupons" })).ToHaveCountAsync(1);
        Assert.Equal(25, (await LedgerAudit.ReadAsync(system.Database, b10)).TotalStock);
        page.AssertNoErrors();
    }

    private async Task<string> CodeOfAsync(string shopper, Guid campaign) =>
        (await Eventually.ReturnsAsync(async () =>
        {
            await using var command = system.Database.CreateCommand("SELECT code FROM coupons WHERE shopper_id = $1 AND campaign_id = $2");
            command.Parameters.Add(new() { Value = shopper });
            command.Parameters.Add(new() { Value = campaign });
            return (string?)await command.ExecuteScalarAsync();
        }, code => code is not null))!;

    private async Task<bool> IssuedBeforeAsync(string code, DateTimeOffset instant)
    {
        await using var command = system.Database.CreateCommand("SELECT issued_at < $2 FROM coupons WHERE code = $1");
        command.Parameters.Add(new() { Value = code });
        command.Parameters.Add(new() { Value = instant });
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private async Task<long> CouponCountAsync(string shopper, Guid campaign)
    {
        await using var command = system.Database.CreateCommand("SELECT count(*) FROM coupons WHERE shopper_id = $1 AND campaign_id = $2");
        command.Parameters.Add(new() { Value = shopper });
        command.Parameters.Add(new() { Value = campaign });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<bool> LedgerFlagAsync(Guid campaign, string condition)
    {
        await using var command = system.Database.CreateCommand($"SELECT {condition} FROM campaign_stock WHERE campaign_id = $1");
        command.Parameters.Add(new() { Value = campaign });
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private async Task<long> CampaignsNamedAsync(string name)
    {
        await using var command = system.Database.CreateCommand("SELECT count(*) FROM campaign_stock WHERE campaign_name = $1");
        command.Parameters.Add(new() { Value = name });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
