using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Campaigns;

/// <summary>A sale opens at its startsAt to the millisecond, earlier for member tiers with early access; checked in PostgreSQL.</summary>
[Trait("Tier", "EndToEnd")]
public sealed class CampaignOpeningTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task A_race_waiting_on_the_opening_gets_nothing_before_it_and_coupons_right_after()
    {
        var startsAt = DateTimeOffset.UtcNow.AddSeconds(3);
        var campaign = await system.CreateCampaignAsync(30, startsAt: startsAt);
        var outcomes = await RaceAsync(campaign, Enumerable.Range(0, 40).Select(i => ($"opener-{campaign:N}-{i}", (string?)null)));

        // Everything answered before the opening was a not_started naming it, with the server's clock.
        Assert.All(outcomes.Refusals, r => Assert.Equal(startsAt.ToUnixTimeMilliseconds(), r.StartsAt.ToUnixTimeMilliseconds()));
        Assert.All(outcomes.Refusals, r => Assert.True(r.Now < startsAt, $"refused at {r.Now:O}, after the opening"));
        Assert.NotEmpty(outcomes.Refusals);

        var issued = await IssuedAtAsync(campaign);
        Assert.Equal(30, issued.Count);
        Assert.All(issued, at => Assert.True(at >= startsAt, $"issued at {at:O}, before {startsAt:O}"));
        Assert.True(issued.Min() - startsAt < TimeSpan.FromMilliseconds(500), $"the first coupon came {issued.Min() - startsAt} after the opening");
    }

    [Fact]
    public async Task Gold_members_claim_before_everyone_else_and_nobody_else_does()
    {
        var startsAt = DateTimeOffset.UtcNow.AddSeconds(5);
        var lead = TimeSpan.FromSeconds(3);
        using var marketing = await system.MarketerAsync("early-access");
        var created = await marketing.PostAsJsonAsync("/api/campaigns", new
        {
            name = "Gold first",
            coupon = new { kind = "fixed", currency = "CNY", amountOff = 30 },
            totalStock = 100,
            startsAt,
            endsAt = startsAt.AddHours(1),
            validity = new { days = 7 },
            earlyAccess = new[] { new { tier = "gold", lead = "00:00:03" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("gold", body.GetProperty("earlyAccess")[0].GetProperty("tier").GetString());
        var campaign = body.GetProperty("id").GetGuid();

        var shoppers = Enumerable.Range(0, 10).Select(i => ($"gold-{campaign:N}-{i}", (string?)"gold"))
            .Concat(Enumerable.Range(0, 10).Select(i => ($"silver-{campaign:N}-{i}", (string?)"silver")))
            .Concat(Enumerable.Range(0, 10).Select(i => ($"plain-{campaign:N}-{i}", (string?)null)));
        var outcomes = await RaceAsync(campaign, shoppers);

        var goldOpens = startsAt - lead;
        Assert.All(outcomes.Refusals.Where(r => r.Shopper.StartsWith("gold-", StringComparison.Ordinal)), r => Assert.Equal(goldOpens.ToUnixTimeMilliseconds(), r.StartsAt.ToUnixTimeMilliseconds()));
        Assert.All(outcomes.Refusals.Where(r => !r.Shopper.StartsWith("gold-", StringComparison.Ordinal)), r => Assert.Equal(startsAt.ToUnixTimeMilliseconds(), r.StartsAt.ToUnixTimeMilliseconds()));
        var issued = await IssuedByShopperAsync(campaign);
        Assert.Equal(30, issued.Count);
        Assert.All(issued.Where(i => i.Key.StartsWith("gold-", StringComparison.Ordinal)), i => Assert.InRange(i.Value, goldOpens, startsAt));
        Assert.All(issued.Where(i => !i.Key.StartsWith("gold-", StringComparison.Ordinal)), i => Assert.True(i.Value >= startsAt, $"{i.Key} got one at {i.Value:O}"));

        using var badTier = await system.Client().PostAsJsonAsync("/api/dev/tokens", new { userId = "x", roles = new[] { "shopper" }, tier = "Gold Members" });
        Assert.Equal(HttpStatusCode.BadRequest, badTier.StatusCode);
        using var badRule = await marketing.PostAsJsonAsync("/api/campaigns", new
        {
            name = "bad", coupon = new { kind = "fixed", currency = "CNY", amountOff = 1 }, totalStock = 1, startsAt, endsAt = startsAt.AddHours(1),
            validity = new { days = 1 }, earlyAccess = new[] { new { tier = "gold", lead = "8.00:00:00" } },
        });
        Assert.Equal("validation_failed", (await badRule.Content.ReadFromJsonAsync<JsonElement>()).Code());
    }

    private sealed record Refusal(string Shopper, DateTimeOffset StartsAt, DateTimeOffset Now);

    private sealed record Outcomes(IReadOnlyList<Refusal> Refusals);

    /// <summary>Each shopper claims again every 20 ms until they get a coupon or it sells out (one key per shopper), at most 15 s.</summary>
    private async Task<Outcomes> RaceAsync(Guid campaign, IEnumerable<(string Shopper, string? Tier)> shoppers)
    {
        var refusals = new ConcurrentBag<Refusal>();
        using var client = system.Client(maxConnections: 64);
        await Task.WhenAll(shoppers.Select(async s =>
        {
            using var tokenResponse = await client.PostAsJsonAsync("/api/dev/tokens", new { userId = s.Shopper, roles = new[] { "shopper" }, tier = s.Tier });
            var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (DateTime.UtcNow < deadline)
            {
                using var request = Infrastructure.Api.ClaimRequest(campaign, "opening", s.Shopper);
                request.Headers.Authorization = new("Bearer", token);
                using var response = await client.SendAsync(request);
                var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (response.StatusCode == HttpStatusCode.Created || answer.Code() == "sold_out")
                {
                    return;
                }

                Assert.Equal("not_started", answer.Code());
                refusals.Add(new Refusal(s.Shopper, answer.GetProperty("startsAt").GetDateTimeOffset(), answer.GetProperty("now").GetDateTimeOffset()));
                await Task.Delay(20);
            }

            Assert.Fail($"{s.Shopper} was still refused after 15 s");
        }));
        return new Outcomes([.. refusals]);
    }

    private async Task<List<DateTimeOffset>> IssuedAtAsync(Guid campaign) => [.. (await IssuedByShopperAsync(campaign)).Values];

    private async Task<Dictionary<string, DateTimeOffset>> IssuedByShopperAsync(Guid campaign)
    {
        await using var command = system.Database.CreateCommand("SELECT shopper_id, issued_at FROM coupons WHERE campaign_id = $1");
        command.Parameters.Add(new() { Value = campaign });
        var issued = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            issued[reader.GetString(0)] = reader.GetFieldValue<DateTimeOffset>(1);
        }

        return issued;
    }
}
