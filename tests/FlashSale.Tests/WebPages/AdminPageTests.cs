using System.Net;
using System.Net.Http.Json;
using FlashSale.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlashSale.Tests.WebPages;

/// <summary>
/// The admin page in headless Chromium, driven as an admin drives it: blocks, the risk decisions they
/// cause, a coupon's history, the payment channels, in English and Chinese. What the page did is checked
/// in PostgreSQL; screenshots are kept in artifacts/screenshots.
/// </summary>
[Trait("Tier", "EndToEnd")]
[Collection(PagesCollection.Name)]
public sealed class AdminPageTests(PagesSystem system, HeadlessChromium chromium)
{
    private static readonly LocatorAssertionsToHaveCountOptions Soon = new() { Timeout = 15_000 };

    [Fact]
    public async Task An_admin_blocks_a_device_on_the_page_sees_its_refusal_among_the_risk_decisions_and_unblocks_it()
    {
        var campaign = await system.CreateCampaignAsync(10);
        var run = campaign.ToString("N")[..8];
        var adminId = "page-admin-" + run;
        var device = "page-device-" + run;
        var shopperId = "page-blocked-" + run;
        await using var admin = await chromium.OpenAsync(system.BaseAddress, "/admin.html");
        await admin.SignInAsync(adminId);
        var form = admin.Page.Locator("form#block");

        // A refused block: the reason is shown beside its field, and nothing is blocked.
        await form.Locator("select[name=kind]").SelectOptionAsync("address");
        await form.Locator("input[name=value]").FillAsync("not-an-address");
        await form.Locator("input[name=reason]").FillAsync("typo");
        await form.Locator("button").ClickAsync();
        await Expect(form.Locator("[data-field=value]")).ToHaveTextAsync("An IP address or a CIDR range such as 203.0.113.0/24.");
        await Expect(admin.Page.Locator("#block-message")).ToHaveTextAsync("The request has invalid fields.");
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM risk_blocks WHERE value = $1", "not-an-address"));

        await form.Locator("select[name=kind]").SelectOptionAsync("device");
        await form.Locator("input[name=value]").FillAsync(device);
        await form.Locator("input[name=reason]").FillAsync("resold accounts");
        await form.Locator("button").ClickAsync();
        var listed = admin.Page.Locator($"#blocks li[data-value='{device}']");
        await Expect(listed).ToContainTextAsync("resold accounts");
        await Expect(listed).ToContainTextAsync("no end");
        await Expect(form.Locator("[data-field=value]")).ToHaveTextAsync("");
        Assert.Equal(1L, await ScalarAsync<long>(
            "SELECT count(*) FROM risk_blocks WHERE kind = 'device' AND value = $1 AND created_by = $2 AND removed_at IS NULL", device, adminId));

        // A shopper on that device is refused, and the refusal is audited.
        using var shopper = system.Client(await system.TokenAsync(shopperId, "shopper"));
        var refused = await shopper.ClaimAsync(campaign, "blocked", device);
        Assert.Equal((HttpStatusCode.Forbidden, "risk_blocked"), (refused.Status, refused.Code));
        Assert.Equal(0L, await CouponsOfAsync(shopperId));
        await DecisionsOnDeviceAsync(device, 1);

        // Twenty more accounts on that device (a farm of resold accounts) are refused after it: a page and a bit of decisions.
        for (var i = 0; i < 20; i++)
        {
            using var farmed = system.Client(await system.TokenAsync($"{shopperId}-farm-{i}", "shopper"));
            Assert.Equal("risk_blocked", (await farmed.ClaimAsync(campaign, "farmed", device)).Code);
        }

        await DecisionsOnDeviceAsync(device, 21);

        // The admin finds them by device, newest first, twenty at a time; and the campaign's counts by rule.
        var filters = admin.Page.Locator("form#decision-filters");
        await filters.Locator("input[name=deviceId]").FillAsync(device);
        await filters.Locator("input[name=campaignId]").FillAsync(campaign.ToString());
        await filters.Locator("button").ClickAsync();
        var decisions = admin.Page.Locator("#decisions li");
        await Expect(decisions).ToHaveCountAsync(20);
        await Expect(admin.Page.Locator("#rule-counts dd[data-rule=blocked_device][data-verdict=refused]")).ToHaveTextAsync("21");
        await admin.Page.Locator("#more-decisions").ClickAsync();
        await Expect(decisions).ToHaveCountAsync(21);
        await Expect(admin.Page.Locator("#more-decisions")).ToBeHiddenAsync();
        var first = decisions.Last;
        await Expect(first).ToHaveAttributeAsync("data-rule", "blocked_device");
        await Expect(first).ToContainTextAsync("Refused");
        await Expect(first).ToContainTextAsync("Blocked device");
        await Expect(first).ToContainTextAsync($"shopper {shopperId} · device {device}");
        var ids = await decisions.EvaluateAllAsync<long[]>("items => items.map(li => Number(li.dataset.decisionId))");
        Assert.Equal(ids.OrderDescending(), ids);
        Assert.Equal(21, ids.Distinct().Count());

        // A filter the API refuses is shown beside its field.
        await filters.Locator("input[name=campaignId]").FillAsync("not-a-campaign");
        await filters.Locator("button").ClickAsync();
        await Expect(filters.Locator("[data-field=campaignId]")).ToHaveTextAsync("A campaign id (a UUID).");
        await admin.ScreenshotAsync("admin-blocks");

        // Unblocked, the same device claims.
        await listed.Locator("button.remove").ClickAsync();
        await Expect(listed).ToHaveCountAsync(0);
        await Expect(admin.Page.Locator("#block-message")).ToHaveTextAsync($"The block on {device} is removed.");
        Assert.Equal(1L, await ScalarAsync<long>(
            "SELECT count(*) FROM risk_blocks WHERE value = $1 AND removed_by = $2 AND removed_at IS NOT NULL", device, adminId));
        Assert.Equal(HttpStatusCode.Created, (await shopper.ClaimAsync(campaign, "unblocked", device)).Status);
        Assert.Equal(1L, await CouponsOfAsync(shopperId));
        admin.AssertNoErrors();
    }

    [Fact]
    public async Task An_admin_tries_saves_edits_and_removes_a_campaigns_risk_rule_on_the_page_and_a_bad_rule_is_refused_by_field()
    {
        // Rules here are for the test's own campaign only: the other tests' claims on this system are not judged by them.
        var campaign = await system.CreateCampaignAsync(10);
        var run = campaign.ToString("N")[..8];
        var adminId = "rules-admin-" + run;
        var name = "page farm " + run;
        for (var i = 0; i < 3; i++)
        {
            using var shopper = system.Client(await system.TokenAsync($"ruled-{run}-{i}", "shopper"));
            Assert.Equal(HttpStatusCode.Created, (await shopper.ClaimAsync(campaign, "ruled", $"ruled-device-{run}-{i}")).Status);
        }

        await using var admin = await chromium.OpenAsync(system.BaseAddress, "/admin.html");
        await admin.SignInAsync(adminId);
        var form = admin.Page.Locator("form#risk-rule");
        var rows = form.Locator(".condition");
        var message = admin.Page.Locator("#risk-rule-message");

        // A bad rule: no name, no number, a challenge without its difficulty; each reason beside its field, nothing saved.
        await rows.Nth(0).Locator("select[name=signal]").SelectOptionAsync("fingerprint.accounts");
        await Expect(rows.Nth(0).Locator(".hint")).ToHaveTextAsync("shoppers who claimed from this fingerprint (a day)");
        await form.Locator("input[name=campaignId]").FillAsync(campaign.ToString());
        await Expect(form.Locator("input[name=difficulty]")).ToBeHiddenAsync();
        await form.Locator("select[name=action]").SelectOptionAsync("challenge");
        await form.Locator("input[name=difficulty]").FillAsync("");
        await form.Locator("#save-rule").ClickAsync();
        await Expect(form.Locator("[data-field=name]")).ToHaveTextAsync("Required, 1 to 100 characters, no control characters.");
        await Expect(form.Locator("[data-field='when[0].value']")).ToHaveTextAsync("Required: a number, at most 10^12 either way.");
        await Expect(form.Locator("[data-field=difficulty]")).ToHaveTextAsync("Required for a challenge: 1 to 8.");
        await Expect(message).ToHaveTextAsync("The request has invalid fields.");
        Assert.Equal(0L, await RuleRowsOfAsync(campaign));

        // Two conditions (a third added and taken away again), the second a ratio, a denial: tried on the claims just made, then saved.
        await form.Locator("#add-condition").ClickAsync();
        await form.Locator("#add-condition").ClickAsync();
        await rows.Nth(1).Locator("button.remove-condition").ClickAsync();
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(1).Locator("[data-field='when[1].value']")).ToHaveCountAsync(1);
        await form.Locator("input[name=name]").FillAsync(name);
        await rows.Nth(0).Locator("input[name=value]").FillAsync("1");
        await rows.Nth(1).Locator("select[name=signal]").SelectOptionAsync("request.missing_browser_headers");
        await rows.Nth(1).Locator("select[name=per]").SelectOptionAsync("shopper.devices");
        await rows.Nth(1).Locator("select[name=op]").SelectOptionAsync("<=");
        await rows.Nth(1).Locator("input[name=value]").FillAsync("4");
        await form.Locator("select[name=action]").SelectOptionAsync("deny");
        await Expect(form.Locator("input[name=difficulty]")).ToBeHiddenAsync();
        await form.Locator("#try-rule").ClickAsync();
        var trial = admin.Page.Locator("#rule-trial");
        await Expect(trial.Locator("li")).ToHaveCountAsync(3, Soon);
        await Expect(trial.Locator(".summary")).ToContainTextAsync("Would deny 3 of ");
        await Expect(trial.Locator(".summary")).ToContainTextAsync("claims, 3 shopper(s)");
        await Expect(trial.Locator("li").First).ToContainTextAsync($"shopper ruled-{run}-2");
        await Expect(form.Locator("[data-field=name]")).ToHaveTextAsync("");
        Assert.Equal(0L, await RuleRowsOfAsync(campaign));

        await form.Locator("#save-rule").ClickAsync();
        await Expect(message).ToHaveTextAsync($"Saved “{name}”, revision 1: in force on every node within a second.");
        var listed = admin.Page.Locator("#risk-rules li[data-rule-id]", new() { HasText = name });
        await Expect(listed).ToContainTextAsync("Deny");
        await Expect(listed).ToContainTextAsync("When fingerprint.accounts ≥ 1 and request.missing_browser_headers ÷ shopper.devices ≤ 4");
        await Expect(listed).ToContainTextAsync($"campaign {campaign} · score 0 · revision 1 by {adminId}");
        var rule = Guid.Parse((await listed.GetAttributeAsync("data-rule-id"))!);
        Assert.Equal(1L, await system.Database.ScalarAsync<long>(
            "SELECT count(*) FROM risk_rules WHERE rule_id = $1 AND revision = 1 AND NOT removed AND changed_by = $2 AND definition->>'campaignId' = $3"
            + " AND definition->'when'->1->>'per' = 'shopper.devices'",
            rule, adminId, campaign.ToString()));

        // Edited: the form holds the rule, and Save sends its second revision.
        await listed.Locator("button.edit").ClickAsync();
        await Expect(admin.Page.Locator("#risk-rule-heading")).ToHaveTextAsync($"Editing “{name}” (revision 1)");
        await Expect(form.Locator("input[name=name]")).ToHaveValueAsync(name);
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(1).Locator("select[name=per]")).ToHaveValueAsync("shopper.devices");
        await rows.Nth(0).Locator("input[name=value]").FillAsync("2");
        await form.Locator("input[name=score]").FillAsync("25");
        await form.Locator("#save-rule").ClickAsync();
        await Expect(listed).ToHaveAttributeAsync("data-revision", "2");
        await Expect(listed).ToContainTextAsync("fingerprint.accounts ≥ 2");
        await Expect(listed).ToContainTextAsync("score 25 · revision 2");
        await Expect(admin.Page.Locator("#risk-rule-heading")).ToHaveTextAsync("New rule");
        Assert.Equal((2L, "2", 25), (await RuleRowsOfAsync(campaign),
            await system.Database.ScalarAsync<string>("SELECT definition->'when'->0->>'value' FROM risk_rules WHERE rule_id = $1 AND revision = 2", rule),
            await system.Database.ScalarAsync<int>("SELECT (definition->>'score')::int FROM risk_rules WHERE rule_id = $1 AND revision = 2", rule)));

        var revisions = listed.Locator("ol.timeline li");
        await listed.Locator("button.revisions").ClickAsync();
        await Expect(revisions).ToHaveCountAsync(2);
        await Expect(revisions.Nth(0)).ToContainTextAsync($"Revision 1 by {adminId}");
        await Expect(revisions.Nth(0)).ToContainTextAsync("fingerprint.accounts ≥ 1");
        await Expect(revisions.Nth(1)).ToContainTextAsync("fingerprint.accounts ≥ 2");
        await admin.ScreenshotAsync("admin-risk-rules");

        // Removed on the second press only; its revisions stay, the removal the third.
        var remove = listed.Locator("button.remove");
        await remove.ClickAsync();
        await Expect(remove).ToHaveTextAsync("Press again to remove");
        Assert.Equal(2L, await RuleRowsOfAsync(campaign));
        await remove.ClickAsync();
        await Expect(listed).ToHaveCountAsync(0);
        await Expect(message).ToHaveTextAsync($"Rule “{name}” is removed; its revisions stay on record.");
        Assert.True(await system.Database.ScalarAsync<bool>(
            "SELECT removed AND changed_by = $2 FROM risk_rules WHERE rule_id = $1 AND revision = 3", rule, adminId));
        Assert.Equal(3L, await RuleRowsOfAsync(campaign));

        // Restored from the removed rules as it last stood: in force again, revision 4.
        await admin.Page.Locator("#removed-rules-panel summary").ClickAsync();
        var gone = admin.Page.Locator("#removed-rules li[data-rule-id]", new() { HasText = name });
        await Expect(gone).ToContainTextAsync($"removed by {adminId}");
        await Expect(gone).ToContainTextAsync("fingerprint.accounts ≥ 2");
        await gone.Locator("button.restore").ClickAsync();
        await Expect(message).ToHaveTextAsync($"Restored “{name}” as revision 4: in force on every node within a second.");
        await Expect(gone).ToHaveCountAsync(0);
        await Expect(listed).ToHaveAttributeAsync("data-revision", "4");
        await Expect(listed).ToContainTextAsync("fingerprint.accounts ≥ 2");

        // An edit undone from the revisions: revision 1 back in force as revision 5; the one in force offers no restore.
        await listed.Locator("button.revisions").ClickAsync();
        await Expect(revisions).ToHaveCountAsync(4);
        await Expect(revisions.Nth(2).Locator("button.restore")).ToHaveCountAsync(0);
        await Expect(revisions.Nth(3).Locator("button.restore")).ToHaveCountAsync(0);
        await revisions.Nth(0).Locator("button.restore").ClickAsync();
        await Expect(message).ToHaveTextAsync($"Restored “{name}” as revision 5: in force on every node within a second.");
        await Expect(listed).ToHaveAttributeAsync("data-revision", "5");
        await Expect(listed).ToContainTextAsync("fingerprint.accounts ≥ 1");
        Assert.Equal(("1", 0), (
            await system.Database.ScalarAsync<string>("SELECT definition->'when'->0->>'value' FROM risk_rules WHERE rule_id = $1 AND revision = 5", rule),
            await system.Database.ScalarAsync<int>("SELECT (definition->>'score')::int FROM risk_rules WHERE rule_id = $1 AND revision = 5", rule)));
        Assert.Equal(5L, await RuleRowsOfAsync(campaign));
        admin.AssertNoErrors();
    }

    [Fact]
    public async Task The_coupon_history_shows_a_coupons_claim_transfer_and_use_and_a_bad_id_shows_the_refusal()
    {
        var campaign = await system.CreateCampaignAsync(10, use: new { transfer = "free" });
        var run = campaign.ToString("N")[..8];
        var (giver, friend) = ("history-giver-" + run, "history-friend-" + run);
        using var giving = system.Client(await system.TokenAsync(giver, "shopper"));
        var coupon = (await giving.ClaimAsync(campaign, "history")).CouponId;
        Assert.Equal(HttpStatusCode.OK, (await giving.PostAsJsonAsync($"/api/me/coupons/{coupon}/transfer", new { to = friend })).StatusCode);
        using var receiving = system.Client(await system.TokenAsync(friend, "shopper"));
        var redeemed = await receiving.PostAsJsonAsync($"/api/me/coupons/{coupon}/redeem", new { orderId = "order-" + run, amount = 200, currency = "CNY" });
        Assert.True(redeemed.IsSuccessStatusCode, $"redeem: {redeemed.StatusCode}");

        await using var admin = await chromium.OpenAsync(system.BaseAddress, "/admin.html", HeadlessChromium.Phone);
        await admin.SignInAsync("history-admin-" + run);
        var form = admin.Page.Locator("form#history");
        await form.Locator("input[name=couponId]").FillAsync(coupon.ToString());
        await form.Locator("button").ClickAsync();
        var timeline = admin.Page.Locator("#timeline li");
        await Expect(timeline).ToHaveCountAsync(3, Soon);
        await Expect(timeline.Nth(0)).ToHaveAttributeAsync("data-kind", "issued");
        await Expect(timeline.Nth(0)).ToContainTextAsync($"Issued to {giver}");
        await Expect(timeline.Nth(1)).ToContainTextAsync($"{giver} gave it to {friend}");
        await Expect(timeline.Nth(2)).ToHaveAttributeAsync("data-kind", "redeemed");
        await Expect(timeline.Nth(2)).ToContainTextAsync($"order-{run}, ¥50 off");
        Assert.False(await admin.OverflowsSidewaysAsync());
        await admin.ScreenshotAsync("admin-history-phone");

        // An id that is no coupon's: the API's refusal, and an empty timeline.
        await form.Locator("input[name=couponId]").FillAsync("no-such-coupon");
        await form.Locator("button").ClickAsync();
        await Expect(admin.Page.Locator("#history-message.error")).ToHaveTextAsync("No such coupon.");
        await Expect(timeline).ToHaveCountAsync(0);
        admin.AssertNoErrors();
    }

    [Fact]
    public async Task An_admin_credits_points_once_per_press_and_a_bad_amount_is_refused_by_field()
    {
        var shopperId = "credited-" + Guid.NewGuid().ToString("N")[..8];
        await using var admin = await chromium.OpenAsync(system.BaseAddress, "/admin.html");
        await admin.SignInAsync("points-admin");
        var form = admin.Page.Locator("form#credit");
        await form.Locator("input[name=shopperId]").FillAsync(shopperId);
        await form.Locator("input[name=points]").FillAsync("0");
        await form.Locator("button").ClickAsync();
        await Expect(form.Locator("[data-field=points]")).Not.ToBeEmptyAsync();
        Assert.Equal(0L, await system.Database.ScalarAsync<long>("SELECT count(*) FROM points_entries WHERE shopper_id = $1", shopperId));

        await form.Locator("input[name=points]").FillAsync("250");
        await form.Locator("input[name=note]").FillAsync("Apology for a late parcel");
        await form.Locator("button").ClickAsync();
        await Expect(admin.Page.Locator("#credit-message.ok")).ToContainTextAsync("250 points credited");
        Assert.Equal(250L, await system.Database.ScalarAsync<long>("SELECT sum(delta)::bigint FROM points_entries WHERE shopper_id = $1", shopperId));
        admin.AssertNoErrors();
    }

    [Fact]
    public async Task An_admin_isolates_a_payment_channel_on_the_page_and_restores_it()
    {
        var adminId = "channel-admin-" + Guid.NewGuid().ToString("N")[..8];
        await using var admin = await chromium.OpenAsync(system.BaseAddress, "/admin.html");
        await admin.SignInAsync(adminId);
        var wechat = admin.Page.Locator("#channels li[data-channel=wechat]");
        await Expect(wechat).ToContainTextAsync("WeChat Pay");
        await Expect(admin.Page.Locator("#reconciliation input[name=date]")).Not.ToHaveValueAsync("");

        try
        {
            await admin.Page.Locator("#switch-reason").FillAsync("gateway timeouts");
            await wechat.Locator("button.isolate").ClickAsync();
            await Expect(wechat).ToHaveAttributeAsync("data-state", "isolated");
            await Expect(wechat.Locator(".breaker")).ToHaveTextAsync("Isolated");
            await Expect(admin.Page.Locator("#channels-message")).ToHaveTextAsync("WeChat Pay is out of routing.");
            Assert.True(await ScalarAsync<bool>(
                "SELECT isolated FROM payment_channel_switches WHERE channel = 'wechat' AND changed_by = $1 AND reason = 'gateway timeouts'", adminId));

            await wechat.Locator("button.restore").ClickAsync();
            await Expect(wechat).Not.ToHaveAttributeAsync("data-state", "isolated");
            await Expect(wechat.Locator("button.isolate")).ToBeVisibleAsync();
            Assert.False(await ScalarAsync<bool>("SELECT isolated FROM payment_channel_switches WHERE channel = 'wechat'"));
        }
        finally
        {
            // Other tests of this system pay through it.
            using var client = await system.AdminAsync();
            await client.PostAsJsonAsync("/api/admin/payments/channels/wechat/restore", new { reason = "test over" });
        }

        admin.AssertNoErrors();
    }

    [Fact]
    public async Task An_admin_opens_the_orleans_dashboard_and_the_metrics_from_the_page_and_signing_out_forgets_the_dashboard()
    {
        await using var admin = await chromium.OpenAsync(system.BaseAddress, "/admin.html");
        var button = admin.Page.Locator("#cluster-dashboard");
        await Expect(button).ToBeHiddenAsync();
        await admin.SignInAsync("dash-admin-" + Guid.NewGuid().ToString("N")[..8]);

        var dashboard = await admin.Page.Context.RunAndWaitForPageAsync(() => button.ClickAsync());
        // Its own requests (no bearer header) get the figures: an error would fill the error banner instead.
        await Expect(dashboard.GetByText("Active Silos")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(dashboard.Locator("#error-message-content")).ToBeEmptyAsync();
        await dashboard.CloseAsync();

        var metrics = await admin.Page.Context.RunAndWaitForPageAsync(() => admin.Page.Locator("a[href='/metrics']").ClickAsync());
        await Expect(metrics.Locator("body")).ToContainTextAsync("# TYPE");
        await metrics.CloseAsync();

        Assert.Equal(200, (await admin.Page.APIRequest.GetAsync("/dashboard/ClusterStats")).Status);
        await admin.Page.RunAndWaitForResponseAsync(() => admin.Page.Locator(".signed-in button").ClickAsync(), "**/api/admin/dashboard/session");
        Assert.Equal(401, (await admin.Page.APIRequest.GetAsync("/dashboard/ClusterStats")).Status);
        await Expect(button).ToBeHiddenAsync();
        await Expect(admin.Page.Locator("#signed-out-hint")).ToBeVisibleAsync();
        await Expect(admin.Page.Locator("#channels li")).ToHaveCountAsync(0);
        admin.AssertNoErrors();
    }

    [Fact]
    public async Task The_admin_page_reads_in_english_and_chinese_fits_a_phone_and_passes_axe()
    {
        // Something in every list: a block, and the decision it causes.
        var campaign = await system.CreateCampaignAsync(10);
        var device = "shown-device-" + campaign.ToString("N")[..8];
        using var adminClient = await system.AdminAsync();
        var block = await adminClient.BlockAsync("device", device, DateTimeOffset.UtcNow.AddHours(1));
        using var shopper = system.Client(await system.TokenAsync("shown-" + device, "shopper"));
        Assert.Equal("risk_blocked", (await shopper.ClaimAsync(campaign, "shown", device)).Code);
        await adminClient.DecisionsEventuallyAsync("deviceId=" + device);

        try
        {
            foreach (var (locale, heading, phone, name) in new[]
            {
                ("en-US", "Administration", false, "admin-en-desktop"),
                ("en-US", "Administration", true, "admin-en-phone"),
                ("zh-CN", "管理后台", true, "admin-zh-phone"),
                ("zh-CN", "管理后台", false, "admin-zh-desktop"),
            })
            {
                await using var page = await chromium.OpenAsync(system.BaseAddress, "/admin.html", phone ? HeadlessChromium.Phone : HeadlessChromium.Desktop, locale);
                await Expect(page.Page.Locator("h1")).ToHaveTextAsync(heading);
                await Expect(page.Page.Locator("html")).ToHaveAttributeAsync("lang", locale == "zh-CN" ? "zh-CN" : "en");
                await page.SignInAsync("shown-admin");
                await Expect(page.Page.Locator($"#blocks li[data-value='{device}']")).ToHaveCountAsync(1);
                await Expect(page.Page.Locator("#decisions li").First).ToBeVisibleAsync();
                await Expect(page.Page.Locator("#channels li[data-channel=alipay]")).ToContainTextAsync(locale == "zh-CN" ? "支付宝" : "Alipay");
                if (locale == "zh-CN")
                {
                    await Expect(page.Page.Locator("#blocks-heading")).ToHaveTextAsync("黑名单");
                    await Expect(page.Page.Locator($"#blocks li[data-value='{device}'] b")).ToHaveTextAsync("设备");
                    await Expect(page.Page.Locator("form.signin input[name=userId]")).ToHaveAttributeAsync("placeholder", "管理员账号");
                }

                if (phone)
                {
                    Assert.False(await page.OverflowsSidewaysAsync(), $"{name} is wider than a phone.");
                }

                await page.ScreenshotAsync(name);
                await page.AssertAccessibleAsync();
                page.AssertNoErrors();
            }
        }
        finally
        {
            await adminClient.DeleteAsync($"/api/admin/blocks/{block}");
        }
    }

    /// <summary>Waits until the audit, written in the background, holds this many decisions on the device.</summary>
    private Task<long> DecisionsOnDeviceAsync(string device, long count) =>
        Eventually.ReturnsAsync(() => ScalarAsync<long>("SELECT count(*) FROM risk_decisions WHERE device_id = $1", device), n => n >= count);

    private Task<long> RuleRowsOfAsync(Guid campaign) =>
        system.Database.ScalarAsync<long>("SELECT count(*) FROM risk_rules WHERE definition->>'campaignId' = $1", campaign.ToString());

    private async Task<long> CouponsOfAsync(string shopper) =>
        await ScalarAsync<long>("SELECT count(*) FROM coupons WHERE shopper_id = $1", shopper);

    private async Task<T> ScalarAsync<T>(string sql, params object[] values)
    {
        await using var command = system.Database.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new() { Value = value });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }
}
