using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FlashSale.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlashSale.Tests.WebPages;

/// <summary>
/// The marketing form with the fields beyond the basics, as a marketer uses them: batches with card
/// secrets imported from a file, then a sell-out watched on the card; and, in Chinese, a scheduled
/// campaign with a points price, use rules and risk limits, edited before it opens, with its change log.
/// Every field is checked where it lands: the API's view of the campaign and PostgreSQL.
/// </summary>
[Trait("Tier", "EndToEnd")]
[Collection(PagesCollection.Name)]
public sealed class MarketingPageTests(PagesSystem system, HeadlessChromium chromium)
{
    private static readonly LocatorAssertionsToHaveTextOptions Soon = new() { Timeout = 15_000 };
    private static readonly LocatorAssertionsToContainTextOptions SoonContains = new() { Timeout = 15_000 };

    [Fact]
    public async Task A_marketer_creates_batches_with_card_secrets_imports_them_from_a_file_and_watches_the_sell_out()
    {
        var name = "Game cards " + Guid.NewGuid().ToString("N")[..8];
        await using var marketing = await chromium.OpenAsync(system.BaseAddress, "/marketing.html");
        await marketing.SignInAsync("card-marketer");
        var form = marketing.Page.Locator("form#create");
        await Expect(form.Locator("input[name=startsAt]")).Not.ToHaveValueAsync("");
        await form.Locator("input[name=name]").FillAsync(name);
        await form.Locator("input[name=startsAt]").FillAsync(await marketing.LocalInputAsync(DateTimeOffset.UtcNow.AddSeconds(-5)));
        await form.Locator("select[name=unitMode]").SelectOptionAsync("batches");
        var rows = form.Locator(".unit-row");
        await Expect(rows).ToHaveCountAsync(2);
        await FillRowAsync(rows.Nth(0), "b50", "¥50 card", "50", "1");
        await FillRowAsync(rows.Nth(1), "b10", "¥10 card", "10", "2");
        await form.Locator("input[name=cardSecrets]").CheckAsync();
        await form.Locator("input[name=maxClaimsPerDevice]").FillAsync("5");
        await form.Locator("input[name=earlyAccess]").FillAsync("gold 10, silver 5");
        await form.Locator("button#submit").ClickAsync();
        await Expect(marketing.Page.Locator("#create-message.ok")).ToContainTextAsync($"Created “{name}”", SoonContains);

        var group = await system.Database.ScalarAsync<Guid>("SELECT campaign_id FROM campaign_stock WHERE campaign_name = $1 AND parent_id IS NULL", name);
        Assert.Equal(2L, await system.Database.ScalarAsync<long>("SELECT count(*) FROM campaign_stock WHERE parent_id = $1 AND card_secrets", group));
        Assert.Equal(3L, await system.Database.ScalarAsync<long>("SELECT sum(total_stock)::bigint FROM campaign_stock WHERE parent_id = $1", group));
        Assert.Equal(2, await system.Database.ScalarAsync<int>("SELECT jsonb_array_length(early_access) FROM campaign_stock WHERE campaign_id = $1", group));

        // Secrets from a file, one batch at a time: the batch is the one chosen beside the top-up.
        var card = marketing.Page.Locator($"article[data-campaign-id='{group}']");
        await Expect(card.Locator("select.top-up-unit option")).ToHaveCountAsync(2);
        await card.Locator("select.top-up-unit").SelectOptionAsync("b10");
        await card.Locator("input.secrets-file").SetInputFilesAsync(SecretsFile("GC10-0001\nGC10-0002\n"));
        await Expect(card.Locator(".secrets .message.ok")).ToContainTextAsync("2 imported", SoonContains);
        await card.Locator("select.top-up-unit").SelectOptionAsync("b50");
        await card.Locator("input.secrets-file").SetInputFilesAsync(SecretsFile("GC50-0001,first row's other columns are ignored\n"));
        await Expect(card.Locator(".secrets .message.ok")).ToContainTextAsync("1 imported", SoonContains);

        // Three shoppers take the three cards; the card on the page follows the group to sold out.
        foreach (var (shopper, batch) in new[] { ("gc-a", "b10"), ("gc-b", "b10"), ("gc-c", "b50") })
        {
            using var client = system.Client(await system.TokenAsync($"{shopper}-{group.ToString("N")[..6]}", "shopper"));
            using var claim = Infrastructure.Api.ClaimRequest(group, Guid.NewGuid().ToString(), deviceId: shopper);
            claim.RequestUri = new Uri($"/api/campaigns/{group}/claims?batch={batch}", UriKind.Relative);
            Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(claim)).StatusCode);
        }

        await Expect(card.Locator(".state")).ToHaveTextAsync("Sold out", Soon);
        await Expect(card.Locator(".remaining")).ToHaveTextAsync("0", Soon);
        Assert.Equal(3L, await system.Database.ScalarAsync<long>(
            "SELECT count(*) FROM card_secrets k JOIN campaign_stock s USING (campaign_id) WHERE s.parent_id = $1", group));
        Assert.Equal(3L, await system.Database.ScalarAsync<long>(
            "SELECT count(*) FROM coupons c JOIN campaign_stock s USING (campaign_id) WHERE s.parent_id = $1", group));
        await marketing.ScreenshotAsync("marketing-batches-en-desktop");
        marketing.AssertNoErrors();
    }

    [Fact]
    public async Task A_marketer_sets_prices_rules_and_limits_in_Chinese_edits_the_campaign_before_it_opens_and_reads_the_change_log()
    {
        var name = "积分兑换 " + Guid.NewGuid().ToString("N")[..8];
        await using var marketing = await chromium.OpenAsync(system.BaseAddress, "/marketing.html", locale: "zh-CN");
        await marketing.SignInAsync("points-marketer");
        var form = marketing.Page.Locator("form#create");
        await Expect(form.Locator("button#submit")).ToHaveTextAsync("创建活动");
        await form.Locator("input[name=name]").FillAsync(name);
        // Its times are New York's: tomorrow 10:00 there, whatever the browser's own zone.
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var tomorrow = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, newYork).Date.AddDays(1);
        var opening = new DateTimeOffset(tomorrow.AddHours(10), newYork.GetUtcOffset(tomorrow.AddHours(10)));
        await form.Locator("select[name=timeZone]").SelectOptionAsync("America/New_York");
        await form.Locator("input[name=startsAt]").FillAsync(tomorrow.ToString("yyyy-MM-dd'T'10:00", System.Globalization.CultureInfo.InvariantCulture));
        await form.Locator("input[name=endsAt]").FillAsync(tomorrow.ToString("yyyy-MM-dd'T'22:00", System.Globalization.CultureInfo.InvariantCulture));
        await form.Locator("input[name=pricePoints]").FillAsync("200");
        await form.Locator("select[name=transfer]").SelectOptionAsync("free");
        await form.Locator("input[name=stackable]").UncheckAsync();
        await form.Locator("input[name=recycleExpired]").CheckAsync();
        await form.Locator("input[name=remindBefore]").FillAsync("3, 1");
        await form.Locator("input[name=maxAccountsPerDevice]").FillAsync("2");
        await form.Locator("input[name=dailyClaimCap]").FillAsync("3");
        // A refused field is explained beside it in Chinese (the API answers in the page's language).
        await form.Locator("input[name=totalStock]").FillAsync("0");
        await form.Locator("button#submit").ClickAsync();
        await Expect(form.Locator("[data-field=totalStock]")).ToHaveTextAsync("必填，1 至 10000000。", Soon);
        await form.Locator("input[name=totalStock]").FillAsync("1000");
        await form.Locator("button#submit").ClickAsync();
        await Expect(marketing.Page.Locator("#create-message.ok")).ToContainTextAsync($"已创建“{name}”：未开始", SoonContains);

        var id = await system.Database.ScalarAsync<Guid>("SELECT campaign_id FROM campaign_stock WHERE campaign_name = $1", name);
        Assert.Equal(opening.UtcDateTime, await system.Database.ScalarAsync<DateTime>("SELECT starts_at FROM campaign_stock WHERE campaign_id = $1", id));
        using var api = system.Client(await system.TokenAsync("points-marketer", "marketing"));
        var campaign = await api.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}");
        Assert.Equal(200, campaign.GetProperty("price").GetProperty("points").GetInt32());
        var use = campaign.GetProperty("use");
        Assert.Equal("free", use.GetProperty("transfer").GetString());
        Assert.False(use.GetProperty("stackable").GetBoolean());
        Assert.True(use.GetProperty("recycleExpired").GetBoolean());
        Assert.Equal(["3.00:00:00", "1.00:00:00"], use.GetProperty("remindBefore").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal(2, campaign.GetProperty("risk").GetProperty("maxAccountsPerDevice").GetInt32());
        Assert.Equal(3, campaign.GetProperty("risk").GetProperty("dailyClaimCap").GetInt32());
        Assert.Equal("America/New_York", campaign.GetProperty("timeZone").GetString());
        // The card writes its window on New York's clocks, naming the zone (the browser's is not New York).
        await Expect(marketing.Page.Locator($"article[data-campaign-id='{id}'] p.terms")).ToContainTextAsync("10:00:00");

        // Before it opens, the form edits it: every field comes back into the form, and only the stock changes.
        var card = marketing.Page.Locator($"article[data-campaign-id='{id}']");
        await card.Locator("button.edit").ClickAsync();
        await Expect(marketing.Page.Locator("#form-title")).ToHaveTextAsync($"编辑“{name}”");
        await Expect(form.Locator("input[name=pricePoints]")).ToHaveValueAsync("200");
        await Expect(form.Locator("input[name=remindBefore]")).ToHaveValueAsync("3, 1");
        await form.Locator("input[name=totalStock]").FillAsync("1500");
        await form.Locator("button#submit").ClickAsync();
        await Expect(marketing.Page.Locator("#create-message.ok")).ToContainTextAsync($"已保存“{name}”", SoonContains);
        Assert.Equal(1500, await system.Database.ScalarAsync<int>("SELECT total_stock FROM campaign_stock WHERE campaign_id = $1", id));
        campaign = await api.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}");
        Assert.Equal(200, campaign.GetProperty("price").GetProperty("points").GetInt32());
        Assert.False(campaign.GetProperty("use").GetProperty("stackable").GetBoolean());

        card = marketing.Page.Locator($"article[data-campaign-id='{id}']");
        await card.Locator("button.show-changes").ClickAsync();
        await Expect(card.Locator("ol.changes li[data-action=created]")).ToContainTextAsync("创建");
        var edited = card.Locator("ol.changes li[data-action=edited]");
        await Expect(edited).ToContainTextAsync("编辑");
        // Only what changed: the form sends every field, and the same instants and rules are not changes.
        await Expect(edited.Locator("li[data-field]")).ToHaveCountAsync(1);
        await Expect(edited.Locator("li[data-field=totalStock]")).ToContainTextAsync("1000 → 1500");
        await marketing.ScreenshotAsync("marketing-edit-zh-desktop");
        await marketing.AssertAccessibleAsync();
        marketing.AssertNoErrors();
    }

    [Fact]
    public async Task A_marketer_edits_a_scheduled_campaign_of_batches_and_the_change_reaches_every_batch()
    {
        var opening = DateTimeOffset.UtcNow.AddDays(3).AddSeconds(Random.Shared.Next(1, 3600));
        using var api = system.Client(await system.TokenAsync("group-editor", "marketing"));
        var created = await api.PostAsJsonAsync("/api/campaigns", new
        {
            name = "Tiers " + Guid.NewGuid().ToString("N")[..8],
            startsAt = opening,
            endsAt = opening.AddHours(2),
            validity = new { days = 7 },
            batches = new object[]
            {
                new { key = "gold", coupon = new { kind = "fixed", currency = "CNY", amountOff = 30 }, totalStock = 5 },
                new { key = "silver", coupon = new { kind = "fixed", currency = "CNY", amountOff = 10 }, totalStock = 50 },
            },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var group = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        await using var marketing = await chromium.OpenAsync(system.BaseAddress, "/marketing.html");
        await marketing.SignInAsync("group-editor");
        var filters = marketing.Page.Locator("form#filters");
        await filters.Locator("select[name=state]").SelectOptionAsync("scheduled");
        await filters.Locator("input[name=from]").FillAsync(await marketing.LocalInputAsync(opening.AddSeconds(-1)));
        await filters.Locator("button").ClickAsync();
        var card = marketing.Page.Locator($"article[data-campaign-id='{group}']");
        await card.Locator("button.edit").ClickAsync();

        // The batches keep their own coupons and stock: those fields are not offered; the shared ones are.
        var form = marketing.Page.Locator("form#create");
        await Expect(form.Locator("select[name=unitMode]")).ToHaveValueAsync("batches");
        await Expect(form.Locator("select[name=unitMode]")).ToBeDisabledAsync();
        await Expect(form.Locator("input[name=totalStock]")).ToBeHiddenAsync();
        await Expect(form.Locator("select[name=kind]")).ToBeHiddenAsync();
        await Expect(form.Locator("input[name=perUserLimit]")).ToBeHiddenAsync();
        await form.Locator("input[name=earlyAccess]").FillAsync("gold 30");
        await form.Locator("input[name=maxClaimsPerDevice]").FillAsync("2");
        await form.Locator("button#submit").ClickAsync();
        await Expect(marketing.Page.Locator("#create-message.ok")).ToContainTextAsync("Saved", SoonContains);

        Assert.Equal(2L, await system.Database.ScalarAsync<long>(
            "SELECT count(*) FROM campaign_stock WHERE parent_id = $1 AND jsonb_array_length(early_access) = 1", group));
        Assert.Equal(55L, await system.Database.ScalarAsync<long>("SELECT sum(total_stock)::bigint FROM campaign_stock WHERE parent_id = $1", group));
        var edited = await api.GetFromJsonAsync<JsonElement>($"/api/campaigns/{group}");
        Assert.Equal(2, edited.GetProperty("risk").GetProperty("maxClaimsPerDevice").GetInt32());
        Assert.Equal(30, edited.GetProperty("batches")[0].GetProperty("coupon").GetProperty("amountOff").GetInt32());
        marketing.AssertNoErrors();
    }

    [Fact]
    public async Task A_marketer_who_changes_the_filters_before_the_first_answer_sees_the_second_answer_only()
    {
        using var api = system.Client(await system.TokenAsync("quick-filterer", "marketing"));
        var earlier = DateTimeOffset.UtcNow.AddDays(20).AddSeconds(Random.Shared.Next(1, 86_400));
        var first = await CreateScheduledAsync(api, earlier);
        var second = await CreateScheduledAsync(api, earlier.AddDays(1));

        await using var marketing = await chromium.OpenAsync(system.BaseAddress, "/marketing.html");
        // The first filtered listing's request is held back until the second one has been answered and shown.
        IRoute? held = null;
        var holding = new TaskCompletionSource();
        await marketing.Page.RouteAsync(new Regex("/api/campaigns\\?.*from="), route =>
        {
            if (held is not null)
            {
                return route.ContinueAsync();
            }

            held = route;
            holding.SetResult();
            return Task.CompletedTask;
        });
        await marketing.SignInAsync("quick-filterer");
        var filters = marketing.Page.Locator("form#filters");
        await filters.Locator("select[name=state]").SelectOptionAsync("scheduled");
        await FilterAroundAsync(marketing, filters, earlier);
        await holding.Task.WaitAsync(TimeSpan.FromSeconds(15));
        await FilterAroundAsync(marketing, filters, earlier.AddDays(1));
        var grid = marketing.Page.Locator("#campaigns");
        await Expect(grid.Locator($"article[data-campaign-id='{second}']")).ToBeVisibleAsync();

        await held!.ContinueAsync();
        await Expect(grid).ToHaveAttributeAsync("aria-busy", "false");
        await Expect(grid.Locator("article")).ToHaveCountAsync(1);
        await Expect(grid.Locator($"article[data-campaign-id='{second}']")).ToBeVisibleAsync();
        await Expect(grid.Locator($"article[data-campaign-id='{first}']")).ToHaveCountAsync(0);
        marketing.AssertNoErrors();
    }

    private static async Task<Guid> CreateScheduledAsync(HttpClient api, DateTimeOffset opening)
    {
        var created = await api.PostAsJsonAsync("/api/campaigns", new
        {
            name = "Filtered " + Guid.NewGuid().ToString("N")[..8],
            startsAt = opening,
            endsAt = opening.AddHours(1),
            validity = new { days = 7 },
            coupon = new { kind = "fixed", currency = "CNY", amountOff = 5 },
            totalStock = 10,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task FilterAroundAsync(BrowserPage marketing, ILocator filters, DateTimeOffset opening)
    {
        await filters.Locator("input[name=from]").FillAsync(await marketing.LocalInputAsync(opening.AddSeconds(-1)));
        await filters.Locator("input[name=to]").FillAsync(await marketing.LocalInputAsync(opening.AddSeconds(1)));
        await filters.Locator("button").ClickAsync();
    }

    private static async Task FillRowAsync(ILocator row, string key, string name, string value, string stock)
    {
        await row.Locator("input[name=unit-key]").FillAsync(key);
        await row.Locator("input[name=unit-name]").FillAsync(name);
        await row.Locator("input[name=unit-value]").FillAsync(value);
        await row.Locator("input[name=unit-totalStock]").FillAsync(stock);
    }

    private static FilePayload SecretsFile(string text) => new() { Name = "secrets.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(text) };

}
