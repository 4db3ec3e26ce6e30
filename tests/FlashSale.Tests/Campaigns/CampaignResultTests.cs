using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Campaigns;

/// <summary>A campaign's results and CSV export after a race, redemptions and refunds, checked against the ledger in PostgreSQL.</summary>
[Trait("Tier", "EndToEnd")]
[Collection(SharedSystem.Name)]
public sealed class CampaignResultTests(RunningSystem system)
{
    [Fact]
    public async Task Results_after_a_race_with_redemptions_and_refunds_match_the_ledger()
    {
        var startsAt = DateTimeOffset.UtcNow.AddSeconds(-1);
        var campaign = await system.CreateCampaignAsync(60, startsAt: startsAt);
        using var marketing = await system.MarketerAsync("results-" + campaign.ToString("N")[..8]);

        // 90 shoppers race for 60 coupons, each pressing twice with different keys.
        var answers = new ConcurrentBag<(string Shopper, string Token, ClaimAnswer Answer)>();
        using var client = system.Client(maxConnections: 32);
        await Task.WhenAll(Enumerable.Range(0, 90).Select(async i =>
        {
            var shopper = $"results-{campaign:N}-{i}";
            var token = await system.TokenAsync(shopper, "shopper");
            foreach (var press in new[] { "a", "b" })
            {
                using var request = Infrastructure.Api.ClaimRequest(campaign, press, $"device-{i}");
                request.Headers.Authorization = new("Bearer", token);
                using var response = await client.SendAsync(request);
                answers.Add((shopper, token, new ClaimAnswer(response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>())));
            }
        }));
        var winners = answers.Where(a => a.Answer.Status == HttpStatusCode.Created).ToList();
        Assert.Equal(60, winners.Count);

        // 25 winners redeem on a ¥200 order; 5 of them then refund it.
        foreach (var (winner, n) in winners.Take(25).Select((w, n) => (w, n)))
        {
            using var shopper = system.Client(winner.Token);
            Assert.Equal(HttpStatusCode.OK, (await shopper.RedeemAsync(winner.Answer.CouponId, $"order-{campaign:N}-{n}", 200m)).Status);
            if (n < 5)
            {
                Assert.Equal(HttpStatusCode.OK, (await shopper.RefundAsync($"order-{campaign:N}-{n}")).Status);
            }
        }

        var refusalsByCode = answers.Where(a => a.Answer.Status != HttpStatusCode.Created)
            .GroupBy(a => a.Answer.Code!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        var stats = await Eventually.ReturnsAsync(() => marketing.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/stats"),
            s => Refusals(s).Values.Sum() == refusalsByCode.Values.Sum());
        var ledger = await LedgerResultsAsync(campaign);
        Assert.Equal((ledger.Issued, ledger.Claimants, ledger.Redeemed, ledger.Discount),
            (stats.GetProperty("issued").GetInt32(), stats.GetProperty("claimants").GetInt32(), stats.GetProperty("redeemed").GetInt32(),
                stats.GetProperty("discountGiven").GetDecimal()));
        Assert.Equal((60, 60, 20, 1000m), (ledger.Issued, ledger.Claimants, ledger.Redeemed, ledger.Discount));
        Assert.Equal(Math.Round(20 / 60.0, 4), stats.GetProperty("redemptionRate").GetDouble());
        Assert.Equal(refusalsByCode, Refusals(stats));
        Assert.Equal(("sold_out", "CNY"), (stats.GetProperty("state").GetString(), stats.GetProperty("currency").GetString()));
        // PostgreSQL keeps microseconds; the grain, which stamped the coupon, has the tick.
        Assert.InRange((ledger.LastIssuedAt!.Value - stats.GetProperty("soldOutAt").GetDateTimeOffset()).Duration(), TimeSpan.Zero, TimeSpan.FromTicks(10));
        Assert.InRange((ledger.LastIssuedAt!.Value - startsAt - TimeSpan.Parse(stats.GetProperty("timeToSellOut").GetString()!)).Duration(),
            TimeSpan.Zero, TimeSpan.FromMilliseconds(1));

        // The refusal counts reach PostgreSQL within seconds, so that they outlive the grain.
        var saved = await Eventually.ReturnsAsync(() => SavedRefusalsAsync(campaign), s => s.Values.Sum() == refusalsByCode.Values.Sum());
        Assert.Equal(refusalsByCode, saved);
    }

    [Fact]
    public async Task A_gift_card_spent_on_three_orders_with_one_refunded_counts_once_with_its_standing_discount()
    {
        var campaign = await system.CreateCampaignAsync(5, coupon: new { kind = "giftcard", currency = "CNY", cardValue = 100 });
        using var marketing = await system.MarketerAsync("giftcard-results");
        var token = await system.TokenAsync("card-holder-" + campaign.ToString("N")[..8], "shopper");
        var (card, _) = await system.ClaimCouponAsync(token, campaign);
        using var holder = system.Client(token);
        foreach (var (order, amount) in new[] { ("gc-1", 30m), ("gc-2", 20m), ("gc-3", 10m) })
        {
            Assert.Equal(HttpStatusCode.OK, (await holder.RedeemAsync(card, $"{order}-{campaign:N}", amount)).Status);
        }

        Assert.Equal(HttpStatusCode.OK, (await holder.RefundAsync($"gc-2-{campaign:N}")).Status);
        var stats = await marketing.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/stats");
        Assert.Equal((1, 40m, 1), (stats.GetProperty("redeemed").GetInt32(), stats.GetProperty("discountGiven").GetDecimal(),
            stats.GetProperty("claimants").GetInt32()));
        Assert.Equal((1, 40m), ((await LedgerResultsAsync(campaign)).Redeemed, (await LedgerResultsAsync(campaign)).Discount));

        // Refunding the rest leaves nothing redeemed.
        Assert.Equal(HttpStatusCode.OK, (await holder.RefundAsync($"gc-1-{campaign:N}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await holder.RefundAsync($"gc-3-{campaign:N}")).Status);
        stats = await marketing.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/stats");
        Assert.Equal((0, 0m), (stats.GetProperty("redeemed").GetInt32(), stats.GetProperty("discountGiven").GetDecimal()));
    }

    [Fact]
    public async Task The_ledger_exports_as_csv_in_issue_order_with_hostile_device_ids_made_harmless()
    {
        var campaign = await system.CreateCampaignAsync(10);
        var devices = new[] { "=HYPERLINK(\"http://evil\")", "phone,with,commas", "-2+3", "plain" };
        foreach (var (device, i) in devices.Select((d, i) => (d, i)))
        {
            using var shopper = system.Client(await system.TokenAsync($"csv-{campaign:N}-{i}", "shopper"));
            Assert.Equal(HttpStatusCode.Created, (await shopper.ClaimAsync(campaign, "k", device)).Status);
        }

        using var marketing = await system.MarketerAsync("exporter");
        using var response = await marketing.GetAsync($"/api/campaigns/{campaign}/coupons.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"campaign-{campaign}.csv", response.Content.Headers.ContentDisposition!.ToString());
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        Assert.Equal("seq,coupon_id,shopper_id,device_id,issued_at,expires_at,holder_id,standing_uses,discount", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.Equal(["1", "2", "3", "4"], lines.Skip(1).Select(l => l.Split(',')[0]), StringComparer.Ordinal);
        Assert.StartsWith($"1,", lines[1]);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",", lines[1]);
        Assert.Contains(",\"phone,with,commas\",", lines[2]);
        Assert.Contains(",'-2+3,", lines[3]);
        await using var command = system.Database.CreateCommand("SELECT coupon_id FROM coupons WHERE campaign_id = $1 ORDER BY seq");
        command.Parameters.Add(new() { Value = campaign });
        var ids = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetGuid(0).ToString());
            }
        }

        Assert.Equal(ids, lines.Skip(1).Select(l => l.Split(',')[1]), StringComparer.Ordinal);

        using var shopperAsks = await system.Client(await system.TokenAsync("nosy", "shopper")).GetAsync($"/api/campaigns/{campaign}/coupons.csv");
        Assert.Equal(HttpStatusCode.Forbidden, shopperAsks.StatusCode);
        using var unknown = await marketing.GetAsync($"/api/campaigns/{Guid.NewGuid()}/stats");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static Dictionary<string, long> Refusals(JsonElement stats) =>
        stats.GetProperty("refusals").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal);

    private sealed record LedgerResults(int Issued, int Claimants, int Redeemed, decimal Discount, DateTimeOffset? LastIssuedAt);

    // Straight from the ledger tables, the slow way the stats endpoint must never take.
    private async Task<LedgerResults> LedgerResultsAsync(Guid campaign)
    {
        await using var command = system.Database.CreateCommand(
            """
            SELECT count(*)::integer, count(DISTINCT c.shopper_id)::integer,
                   (SELECT count(DISTINCT r.coupon_id)::integer FROM redemptions r JOIN coupons x USING (coupon_id)
                     WHERE x.campaign_id = $1 AND r.refunded_at IS NULL),
                   (SELECT coalesce(sum(r.discount), 0) FROM redemptions r JOIN coupons x USING (coupon_id)
                     WHERE x.campaign_id = $1 AND r.refunded_at IS NULL),
                   max(c.issued_at)
              FROM coupons c WHERE c.campaign_id = $1
            """);
        command.Parameters.Add(new() { Value = campaign });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new LedgerResults(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetDecimal(3),
            reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4));
    }

    private async Task<Dictionary<string, long>> SavedRefusalsAsync(Guid campaign)
    {
        await using var command = system.Database.CreateCommand("SELECT code, refusals FROM campaign_refusals WHERE campaign_id = $1");
        command.Parameters.Add(new() { Value = campaign });
        var saved = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            saved[reader.GetString(0)] = reader.GetInt64(1);
        }

        return saved;
    }
}
