using System.Net;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Risk;

/// <summary>Limits that span campaigns, raced over real HTTP and counted in PostgreSQL.</summary>
[Trait("Tier", "EndToEnd")]
[Collection(SharedSystem.Name)]
public sealed class RiskLimitTests(RunningSystem system)
{
    [Fact]
    public async Task One_device_with_ten_accounts_racing_on_three_campaigns_ends_exactly_at_the_device_limits()
    {
        var device = "farm-" + Guid.NewGuid().ToString("N")[..8];
        var risk = new { maxAccountsPerDevice = 3, maxClaimsPerDevice = 2, maxClaimsPerDevicePerDay = 5 };
        var campaigns = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => system.CreateCampaignAsync(100, risk: risk)));
        var accounts = await TokensAsync(device, 10);

        // Every account claims every campaign three times at once, each with its own key.
        var answers = await Task.WhenAll(
            from account in accounts
            from campaign in campaigns
            from attempt in Enumerable.Range(0, 3)
            select Claim(account, campaign, $"{campaign}-{attempt}", device));

        var perCampaign = await RiskAudit.DeviceClaimsPerCampaignAsync(system.Database, device);
        Assert.Equal(5, perCampaign.Values.Sum());
        Assert.All(perCampaign.Values, n => Assert.InRange(n, 1, 2));
        Assert.InRange(await RiskAudit.DeviceAccountsAsync(system.Database, device), 2, 3);
        Assert.Equal(5, answers.Count(a => a.Status == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created),
            a => Assert.Contains(a.Code, new[] { "device_limit_reached", "limit_reached" }, StringComparer.Ordinal));
        Assert.Contains(answers, a => a.Code == "device_limit_reached");
        foreach (var campaign in campaigns)
        {
            (await LedgerAudit.ReadAsync(system.Database, campaign)).AssertConsistent(perUserLimit: 1);
        }
    }

    [Fact]
    public async Task Only_the_first_accounts_of_a_device_may_claim_where_a_campaign_limits_accounts()
    {
        var device = "shared-" + Guid.NewGuid().ToString("N")[..8];
        var campaign = await system.CreateCampaignAsync(100, risk: new { maxAccountsPerDevice = 3 });
        var accounts = await TokensAsync(device, 10);

        var answers = await Task.WhenAll(accounts.Select(a => Claim(a, campaign, "k", device)));

        Assert.Equal(3, answers.Count(a => a.Status == HttpStatusCode.Created));
        Assert.Equal(7, answers.Count(a => a.Code == "device_limit_reached"));
        Assert.Equal(3, await RiskAudit.DeviceAccountsAsync(system.Database, device));

        // The three accounts that got in still count there; an unlimited campaign lets a fourth in,
        // after which the limited campaign still turns it away.
        var winners = accounts.Where((_, i) => answers[i].Status == HttpStatusCode.Created).ToList();
        var loser = accounts.First(a => !winners.Contains(a));
        var open = await system.CreateCampaignAsync(100);
        Assert.Equal(HttpStatusCode.Created, (await Claim(loser, open, "elsewhere", device)).Status);
        var other = await system.CreateCampaignAsync(100, risk: new { maxAccountsPerDevice = 3 });
        Assert.Equal(HttpStatusCode.Created, (await Claim(winners[0], other, "k2", device)).Status);
        Assert.Equal("device_limit_reached", (await Claim(loser, other, "k2", device)).Code);
    }

    [Fact]
    public async Task One_shopper_racing_on_twenty_campaigns_with_a_daily_cap_of_five_gets_exactly_five()
    {
        var shopper = "racer-" + Guid.NewGuid().ToString("N")[..8];
        var campaigns = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => system.CreateCampaignAsync(10, risk: new { dailyClaimCap = 5 })));
        var token = await system.TokenAsync(shopper, "shopper");

        // From several devices at once, twice per campaign with different keys.
        var answers = await Task.WhenAll(
            from campaign in campaigns
            from attempt in Enumerable.Range(0, 2)
            select Claim(token, campaign, $"{campaign}-{attempt}", $"{shopper}-device-{attempt}"));

        Assert.Equal(5, answers.Count(a => a.Status == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created),
            a => Assert.Contains(a.Code, new[] { "daily_limit_reached", "limit_reached" }, StringComparer.Ordinal));
        Assert.Equal(5, await RiskAudit.ShopperMaxPerDayAsync(system.Database, shopper));

        // A campaign with a higher cap of its own admits the shopper once more today, and only once.
        var generous = await system.CreateCampaignAsync(10, risk: new { dailyClaimCap = 6 });
        Assert.Equal(HttpStatusCode.Created, (await Claim(token, generous, "sixth", "phone")).Status);
        var alsoSix = await system.CreateCampaignAsync(10, risk: new { dailyClaimCap = 6 });
        Assert.Equal("daily_limit_reached", (await Claim(token, alsoSix, "seventh", "phone")).Code);
    }

    [Fact]
    public async Task Risk_limits_out_of_range_are_refused_field_by_field()
    {
        using var client = system.Client(await system.TokenAsync("marketer", "marketing"));
        var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(client, "/api/campaigns", new
        {
            name = "bad limits",
            coupon = new { kind = "fixed", amountOff = 5 },
            totalStock = 10,
            startsAt = DateTimeOffset.UtcNow,
            endsAt = DateTimeOffset.UtcNow.AddHours(1),
            validity = new { days = 1 },
            risk = new { maxAccountsPerDevice = 0, dailyClaimCap = 100_000 },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(response.Content);
        var errors = body.GetProperty("errors");
        Assert.True(errors.TryGetProperty("risk.maxAccountsPerDevice", out _));
        Assert.True(errors.TryGetProperty("risk.dailyClaimCap", out _));
        Assert.False(errors.TryGetProperty("risk.maxClaimsPerDevice", out _));
    }

    private async Task<string[]> TokensAsync(string prefix, int count) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(i => system.TokenAsync($"{prefix}-account-{i}", "shopper")));

    private async Task<ClaimAnswer> Claim(string token, Guid campaign, string key, string device)
    {
        using var client = system.Client(token);
        return await client.ClaimAsync(campaign, key, device);
    }
}
