using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Campaigns;

/// <summary>A sale opens at its startsAt to the millisecond, earlier for member tiers with early access; checked in PostgreSQL.</summary>
[Trait("Tier", "EndToEnd")]
[Collection(SharedSystem.Name)]
public sealed class CampaignOpeningTests(RunningSystem system)
{
    [Fact]
    public async Task A_race_waiting_on_the_opening_gets_nothing_before_it_and_coupons_right_after()
    {
        var startsAt = default(DateTimeOffset);
        var campaign = default(Guid);
        var prefix = Guid.NewGuid().ToString("N");
        var outcomes = await RaceAsync(async () =>
        {
            startsAt = DateTimeOffset.UtcNow.AddSeconds(3);
            return campaign = await system.CreateCampaignAsync(30, startsAt: startsAt);
        }, Enumerable.Range(0, 40).Select(i => ($"opener-{prefix}-{i}", (string?)null)));

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
        var startsAt = default(DateTimeOffset);
        var lead = TimeSpan.FromSeconds(3);
        using var marketing = await system.MarketerAsync("early-access");
        var prefix = Guid.NewGuid().ToString("N");
        var shoppers = Enumerable.Range(0, 10).Select(i => ($"gold-{prefix}-{i}", (string?)"gold"))
            .Concat(Enumerable.Range(0, 10).Select(i => ($"silver-{prefix}-{i}", (string?)"silver")))
            .Concat(Enumerable.Range(0, 10).Select(i => ($"plain-{prefix}-{i}", (string?)null)));
        var campaign = default(Guid);
        var outcomes = await RaceAsync(async () =>
        {
            startsAt = DateTimeOffset.UtcNow.AddSeconds(5);
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
            return campaign = body.GetProperty("id").GetGuid();
        }, shoppers);

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

    /// <summary>
    /// Mints every shopper's token, then has <paramref name="open"/> create the campaign (so that its opening, a few
    /// seconds ahead, is not eaten by the minting on a busy machine); then each shopper claims again every 20 ms until
    /// they get a coupon or it sells out (one key per shopper), at most 15 s.
    /// </summary>
    private async Task<Outcomes> RaceAsync(Func<Task<Guid>> open, IEnumerable<(string Shopper, string? Tier)> shoppers)
    {
        var refusals = new ConcurrentBag<Refusal>();
        using var client = system.Client(maxConnections: 64);
        var racers = await Task.WhenAll(shoppers.Select(async s =>
        {
            using var tokenResponse = await client.PostAsJsonAsync("/api/dev/tokens", new { userId = s.Shopper, roles = new[] { "shopper" }, tier = s.Tier });
            return (s.Shopper, Token: (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString());
        }));
        var campaign = await open();
        await Task.WhenAll(racers.Select(async s =>
        {
            var token = s.Token;
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
