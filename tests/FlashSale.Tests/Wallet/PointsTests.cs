using System.Net;
using System.Net.Http.Json;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Wallet;

/// <summary>
/// Points-priced campaigns: a claim and its debit commit together, under races and across a
/// SIGKILL of the silo (on the crash system, which no calm test shares).
/// </summary>
[Trait("Tier", "EndToEnd")]
[Collection(CrashSystem.Name)]
public sealed class PointsTests(RunningSystem system, ITestOutputHelper output) : CrashSystemTests
{
    protected override RunningSystem TestSystem => system;

    private const int Price = 100;

    [Fact]
    public async Task A_claim_costs_its_points_and_is_refused_when_they_do_not_cover_it()
    {
        var (shopper, token) = await ShopperAsync();
        await CreditAsync(shopper, 250);
        var campaign = await system.CreateCampaignAsync(100, perUserLimit: 5, coupon: new { kind = "fixed", currency = "CNY", amountOff = 30 },
            price: new { points = Price });

        using var client = system.Client(token);
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => client.ClaimAsync(campaign, $"buy-{i}")));

        Assert.Equal(2, answers.Count(a => a.Status == HttpStatusCode.Created));
        Assert.Equal(2, answers.Count(a => a.Code == "insufficient_points"));
        var points = await Answer.Of(await client.GetAsync("/api/me/points"));
        Assert.Equal(50, points.Body.GetProperty("balance").GetInt64());
        var latest = points.Body.GetProperty("latest").EnumerateArray().ToList();
        Assert.Equal(2, latest.Count(e => e.GetProperty("reason").GetString() == "claim" && e.GetProperty("delta").GetInt64() == -Price));
        Assert.Equal(250, latest.Single(e => e.GetProperty("reason").GetString() == "credit").GetProperty("delta").GetInt64());
        await AssertPointsMatchCouponsAsync(campaign);

        // A free campaign does not touch the balance; a credit counts from the next claim on.
        var free = await system.CreateCampaignAsync(10);
        Assert.Equal(HttpStatusCode.Created, (await client.ClaimAsync(free, "free")).Status);
        await CreditAsync(shopper, 50);
        Assert.Equal(HttpStatusCode.Created, (await client.ClaimAsync(campaign, "after-credit")).Status);
        Assert.Equal(0, (await Answer.Of(await client.GetAsync("/api/me/points"))).Body.GetProperty("balance").GetInt64());
    }

    [Fact]
    public async Task A_points_card_credits_its_points_once_and_never_counts_on_an_order()
    {
        var (_, token) = await ShopperAsync();
        var campaign = await system.CreateCampaignAsync(10, coupon: new { kind = "points", points = 300 });
        var (card, _) = await system.ClaimCouponAsync(token, campaign);
        using var client = system.Client(token);

        Assert.Equal("points_card", (await client.RedeemAsync(card, "order-" + card, 100)).Code);
        // Asked four times at once (a retry after a lost answer, say): one credit, heard by every one.
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Answer.Of(client.PostAsync($"/api/me/coupons/{card}/redeem-points", null))));
        Assert.All(answers, a => Assert.Equal((HttpStatusCode.OK, 300L, 300L),
            (a.Status, a.Body.GetProperty("credited").GetInt64(), a.Body.GetProperty("balance").GetInt64())));
        Assert.Equal(300, (await Answer.Of(await client.GetAsync("/api/me/points"))).Body.GetProperty("balance").GetInt64());
        Assert.Single(await PointsEntriesAsync(card));

        // Spent on a points-priced coupon like any other points.
        var priced = await system.CreateCampaignAsync(10, price: new { points = 300 });
        Assert.Equal(HttpStatusCode.Created, (await client.ClaimAsync(priced, "with-card-points")).Status);
        var (other, _) = await system.ClaimCouponAsync(token, await system.CreateCampaignAsync(10));
        Assert.Equal("not_a_points_card", (await Answer.Of(await client.PostAsync($"/api/me/coupons/{other}/redeem-points", null))).Code);
    }

    [Fact]
    public async Task Only_admins_credit_points_and_bad_credits_change_nothing()
    {
        var (shopper, token) = await ShopperAsync();
        using var self = system.Client(token);
        Assert.Equal(HttpStatusCode.Forbidden, (await self.PostAsJsonAsync("/api/admin/points", new { shopperId = shopper, points = 1000, note = "me" })).StatusCode);
        using var admin = system.Client(await system.TokenAsync("points-admin", "admin"));
        var bad = await Answer.Of(await admin.PostAsJsonAsync("/api/admin/points", new { shopperId = shopper, points = -5, note = "" }));
        Assert.Equal("validation_failed", bad.Code);
        Assert.True(bad.Body.GetProperty("errors").TryGetProperty("points", out _));
        Assert.True(bad.Body.GetProperty("errors").TryGetProperty("note", out _));
        Assert.Equal(0, (await Answer.Of(await self.GetAsync("/api/me/points"))).Body.GetProperty("balance").GetInt64());
    }

    [Fact]
    public async Task A_silo_killed_mid_race_leaves_points_spent_equal_to_coupons_issued_times_their_price()
    {
        var campaign = await system.CreateCampaignAsync(10_000, perUserLimit: 10, price: new { points = Price });
        var shoppers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => ShopperAsync()));
        foreach (var (id, _) in shoppers)
        {
            await CreditAsync(id, 5 * Price);
        }

        using var client = system.Client(maxConnections: 64);
        client.Timeout = TimeSpan.FromSeconds(20);
        var acknowledged = 0;
        var firstAcks = new TaskCompletionSource();

        async Task<HttpStatusCode?> Claim(string token, string key)
        {
            try
            {
                using var request = Infrastructure.Api.ClaimRequest(campaign, key);
                request.Headers.Authorization = new("Bearer", token);
                using var response = await client.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.Created && Interlocked.Increment(ref acknowledged) >= 10)
                {
                    firstAcks.TrySetResult();
                }

                return response.StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return null;
            }
        }

        // Every shopper tries eight claims at once with points for five.
        var first = Task.WhenAll(from s in shoppers from i in Enumerable.Range(0, 8) select Claim(s.Token, $"first-{i}"));
        await firstAcks.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await system.Silo.KillAsync();
        var firstAnswers = await first;
        await AssertPointsMatchCouponsAsync(campaign);

        await system.StartSiloAsync();
        var second = await Task.WhenAll(from s in shoppers from i in Enumerable.Range(0, 8) select Retry.UntilAnsweredAsync(() => Claim(s.Token, $"second-{i}")));
        var issued = await AssertPointsMatchCouponsAsync(campaign);

        output.WriteLine($"first race: {firstAnswers.Count(s => s == HttpStatusCode.Created)} acknowledged before and around the kill; {issued} coupons after both races");
        Assert.Contains(firstAnswers, s => s is null or HttpStatusCode.ServiceUnavailable);
        Assert.All(second, s => Assert.True(s is HttpStatusCode.Created or HttpStatusCode.Conflict, $"unexpected {s}"));
        // Points for five each, and every shopper could still buy after the crash: all spent, none twice.
        Assert.Equal(shoppers.Length * 5, issued);
    }

    /// <summary>
    /// Checks in PostgreSQL that every coupon of the campaign has exactly one debit of its price and
    /// every debit its coupon, and that every balance is its credits less its debits, never below
    /// zero. Returns the number of coupons.
    /// </summary>
    private async Task<long> AssertPointsMatchCouponsAsync(Guid campaign)
    {
        await using var command = system.Database.CreateCommand(
            """
            SELECT (SELECT count(*) FROM coupons WHERE campaign_id = $1),
                   (SELECT count(*) FROM points_entries WHERE campaign_id = $1 AND reason = 'claim'),
                   (SELECT coalesce(-sum(delta), 0) FROM points_entries WHERE campaign_id = $1 AND reason = 'claim'),
                   (SELECT count(*) FROM coupons c WHERE campaign_id = $1
                       AND NOT EXISTS (SELECT 1 FROM points_entries e WHERE e.coupon_id = c.coupon_id AND e.shopper_id = c.shopper_id)),
                   (SELECT count(*) FROM points_entries e WHERE campaign_id = $1 AND reason = 'claim'
                       AND NOT EXISTS (SELECT 1 FROM coupons c WHERE c.coupon_id = e.coupon_id)),
                   (SELECT count(*) FROM points_accounts a
                     WHERE a.balance < 0 OR a.balance <> (SELECT sum(delta) FROM points_entries e WHERE e.shopper_id = a.shopper_id))
            """);
        command.Parameters.Add(new() { Value = campaign });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (coupons, debits, spent, unpaid, orphanDebits, wrongBalances) =
            (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
        Assert.Equal(coupons, debits);
        Assert.Equal(coupons * Price, spent);
        Assert.Equal(0, unpaid);
        Assert.Equal(0, orphanDebits);
        Assert.Equal(0, wrongBalances);
        return coupons;
    }

    private async Task<List<long>> PointsEntriesAsync(Guid card)
    {
        await using var command = system.Database.CreateCommand("SELECT delta FROM points_entries WHERE coupon_id = $1");
        command.Parameters.Add(new() { Value = card });
        var deltas = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            deltas.Add(reader.GetInt64(0));
        }

        return deltas;
    }

    private async Task CreditAsync(string shopperId, long points)
    {
        using var admin = system.Client(await system.TokenAsync("points-admin", "admin"));
        var response = await admin.PostAsJsonAsync("/api/admin/points", new { shopperId, points, note = "test credit" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<(string Id, string Token)> ShopperAsync()
    {
        var id = "points-" + Guid.NewGuid().ToString("N")[..10];
        return (id, await system.TokenAsync(id, "shopper"));
    }
}
