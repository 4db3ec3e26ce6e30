using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Risk;

/// <summary>Admins' blocks, flags and the audit of risk decisions, over real HTTP from several loopback addresses.</summary>
[Trait("Tier", "EndToEnd")]
[Collection(SharedSystem.Name)]
public sealed class BlocklistTests(RunningSystem system)
{
    [Fact]
    public async Task An_address_range_block_refuses_claims_from_inside_it_only_and_says_nothing_useful()
    {
        using var admin = await system.AdminAsync();
        var campaign = await system.CreateCampaignAsync(100);
        var shopper = await system.TokenAsync("ranged-" + Guid.NewGuid().ToString("N")[..8], "shopper");
        var blockId = await admin.BlockAsync("address", "127.0.7.0/29");

        using var inside = system.Client(shopper, source: "127.0.7.5");
        using var outside = system.Client(shopper, source: "127.0.7.9");
        var refused = await inside.ClaimAsync(campaign, "in");
        Assert.Equal((HttpStatusCode.Forbidden, "risk_blocked"), (refused.Status, refused.Code));
        var said = refused.Body.ToString();
        Assert.DoesNotContain("test:", said);
        Assert.DoesNotContain("127.0.7", said);
        Assert.DoesNotContain(blockId.ToString(), said);
        Assert.Equal(HttpStatusCode.Created, (await outside.ClaimAsync(campaign, "out")).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/blocks/{blockId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/admin/blocks/{blockId}")).StatusCode);
        var campaign2 = await system.CreateCampaignAsync(100);
        Assert.Equal(HttpStatusCode.Created, (await inside.ClaimAsync(campaign2, "in-again")).Status);

        var audited = await admin.DecisionsEventuallyAsync($"campaignId={campaign}&rule=blocked_address");
        Assert.Equal("refused", audited[0].GetProperty("verdict").GetString());
        Assert.Equal("127.0.7.5", audited[0].GetProperty("address").GetString());
        Assert.Equal(blockId, audited[0].GetProperty("evidence").GetProperty("blockId").GetGuid());
    }

    [Fact]
    public async Task A_shopper_block_with_an_expiry_ends_by_itself_and_a_device_block_holds_for_every_account()
    {
        using var admin = await system.AdminAsync();
        var campaign = await system.CreateCampaignAsync(100);
        var shopperId = "expiring-" + Guid.NewGuid().ToString("N")[..8];
        using var shopper = system.Client(await system.TokenAsync(shopperId, "shopper"));
        var until = DateTimeOffset.UtcNow.AddSeconds(3);
        await admin.BlockAsync("shopper", shopperId, until);

        Assert.Equal("risk_blocked", (await shopper.ClaimAsync(campaign, "early", "phone-x")).Code);
        var refusals = 1;
        var after = await Eventually.ReturnsAsync(() => shopper.ClaimAsync(campaign, "later", "phone-x"),
            answer => answer.Status != HttpStatusCode.Forbidden || ++refusals < 0, TimeSpan.FromSeconds(20));
        Assert.Equal(HttpStatusCode.Created, after.Status);
        Assert.True(DateTimeOffset.UtcNow >= until, "the block ended before its expiry");

        var device = "stolen-" + Guid.NewGuid().ToString("N")[..8];
        await admin.BlockAsync("device", device);
        for (var i = 0; i < 3; i++)
        {
            using var other = system.Client(await system.TokenAsync($"{device}-user-{i}", "shopper"));
            Assert.Equal("risk_blocked", (await other.ClaimAsync(campaign, "k", device)).Code);
        }

        // Every refusal is audited, each repeat counted.
        var counts = await Eventually.ReturnsAsync(() => admin.RuleCountsAsync(campaign),
            c => c.GetValueOrDefault("blocked_device/refused") >= 3 && c.GetValueOrDefault("blocked_shopper/refused") >= refusals);
        Assert.Equal(3, counts["blocked_device/refused"]);
        Assert.Equal(refusals, counts["blocked_shopper/refused"]);
    }

    [Fact]
    public async Task Blocks_are_for_admins_and_bad_blocks_are_refused_field_by_field()
    {
        using var marketer = system.Client(await system.TokenAsync("marketer-" + Guid.NewGuid().ToString("N")[..8], "marketing"));
        var forbidden = await marketer.PostAsJsonAsync("/api/admin/blocks", new { kind = "shopper", value = "x", reason = "r" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await marketer.GetAsync("/api/admin/risk/decisions")).StatusCode);

        using var admin = await system.AdminAsync();
        var bad = await admin.PostAsJsonAsync("/api/admin/blocks",
            new { kind = "planet", value = "", reason = "", expiresAt = DateTimeOffset.UtcNow.AddDays(-1) });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.All(new[] { "kind", "value", "reason", "expiresAt" }, f => Assert.True(errors.TryGetProperty(f, out _), f));
        var badRange = await admin.PostAsJsonAsync("/api/admin/blocks", new { kind = "address", value = "10.0.0.0/99", reason = "r" });
        Assert.Equal(HttpStatusCode.BadRequest, badRange.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/admin/risk/decisions?limit=0&campaignId=nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/admin/blocks/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_claim_at_the_opening_from_a_device_that_never_fetched_the_campaign_is_flagged_and_still_served()
    {
        using var admin = await system.AdminAsync();
        var campaign = await system.CreateCampaignAsync(100, startsAt: DateTimeOffset.UtcNow);
        var looker = "looker-" + Guid.NewGuid().ToString("N")[..8];
        var sniper = "sniper-" + Guid.NewGuid().ToString("N")[..8];
        using var lookerClient = system.Client(await system.TokenAsync(looker, "shopper"));
        using var sniperClient = system.Client(await system.TokenAsync(sniper, "shopper"));

        using var fetch = new HttpRequestMessage(HttpMethod.Get, $"/api/campaigns/{campaign}");
        fetch.Headers.Add("X-Device-Id", looker + "-phone");
        Assert.Equal(HttpStatusCode.OK, (await lookerClient.SendAsync(fetch)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await lookerClient.ClaimAsync(campaign, "k", looker + "-phone")).Status);
        Assert.Equal(HttpStatusCode.Created, (await sniperClient.ClaimAsync(campaign, "k", sniper + "-phone")).Status);

        var flagged = await admin.DecisionsEventuallyAsync($"campaignId={campaign}&rule=instant_claim_without_fetch");
        var flag = Assert.Single(flagged);
        Assert.Equal(("flagged", sniper), (flag.GetProperty("verdict").GetString(), flag.GetProperty("shopperId").GetString()));
        Assert.False(flag.GetProperty("evidence").GetProperty("fetchedCampaign").GetBoolean());
    }

    [Fact]
    public async Task A_burst_of_new_accounts_on_one_device_is_flagged_and_device_refusals_are_audited_per_rule()
    {
        using var admin = await system.AdminAsync();
        var device = "burst-" + Guid.NewGuid().ToString("N")[..8];
        var campaign = await system.CreateCampaignAsync(100, risk: new { maxAccountsPerDevice = 4 });
        for (var i = 0; i < 5; i++)
        {
            using var account = system.Client(await system.TokenAsync($"{device}-acct-{i}", "shopper"));
            var answer = await account.ClaimAsync(campaign, "k", device);
            Assert.Equal(i < 4 ? HttpStatusCode.Created : HttpStatusCode.Conflict, answer.Status);
        }

        var flags = await admin.DecisionsEventuallyAsync($"deviceId={device}&rule=new_accounts_burst", atLeast: 2);
        Assert.Equal(2, flags.Length);
        Assert.Equal(4, flags[0].GetProperty("evidence").GetProperty("newAccounts").GetInt32());
        var counts = await Eventually.ReturnsAsync(() => admin.RuleCountsAsync(campaign), c => c.ContainsKey("max_accounts_per_device/refused"));
        Assert.Equal(1, counts["max_accounts_per_device/refused"]);
        Assert.Equal(2, counts["new_accounts_burst/flagged"]);
    }
}
