using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Campaigns;

/// <summary>
/// The results page's API: a sale over time and a campaign's return, after real claims and redemptions,
/// checked against sums taken straight from PostgreSQL; its refusals of bad input and of other merchants.
/// </summary>
[Trait("Tier", "EndToEnd")]
[Collection(SharedSystem.Name)]
public sealed class CampaignRoiTests(RunningSystem system)
{
    [Fact]
    public async Task A_sold_out_sale_has_a_timeline_adding_up_to_its_coupons_and_a_return_equal_to_its_ledger()
    {
        var campaign = await system.CreateCampaignAsync(20, startsAt: DateTimeOffset.UtcNow.AddSeconds(-1));
        using var marketing = await system.MarketerAsync("roi-" + campaign.ToString("N")[..8]);

        // 30 shoppers for 20 coupons: 10 hear sold_out.
        var claims = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            var token = await system.TokenAsync($"roi-{campaign:N}-{i}", "shopper");
            using var client = system.Client(token);
            return (Token: token, Answer: await client.ClaimAsync(campaign, "k", $"device-{i}"));
        }));
        var winners = claims.Where(c => c.Answer.Status == HttpStatusCode.Created).ToList();
        Assert.Equal(20, winners.Count);

        // 8 winners redeem on orders of ¥100, ¥110, ...; 2 of them refund.
        foreach (var (winner, n) in winners.Take(8).Select((w, n) => (w, n)))
        {
            using var shopper = system.Client(winner.Token);
            Assert.Equal(HttpStatusCode.OK, (await shopper.RedeemAsync(winner.Answer.CouponId, $"roi-order-{campaign:N}-{n}", 100m + (10 * n))).Status);
            if (n < 2)
            {
                Assert.Equal(HttpStatusCode.OK, (await shopper.RefundAsync($"roi-order-{campaign:N}-{n}")).Status);
            }
        }

        // The refusals reach the series when the campaign saves them, every 5 s.
        var timeline = await Eventually.ReturnsAsync(() => marketing.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/timeline"),
            t => Points(t).Sum(p => p.GetProperty("refusals").EnumerateObject().Sum(r => r.Value.GetInt64())) == 10);
        var points = Points(timeline);
        Assert.InRange(points.Count, 1, 600);
        Assert.Equal(20, timeline.GetProperty("issued").GetInt32());
        Assert.Equal(20, timeline.GetProperty("issuedBefore").GetInt32() + points.Sum(p => p.GetProperty("issued").GetInt32())
            + timeline.GetProperty("issuedAfter").GetInt32());
        Assert.Equal(20, points[^1].GetProperty("cumulative").GetInt32());
        Assert.Equal(20, timeline.GetProperty("stock").GetInt32());
        Assert.Equal(await LastIssuedAtAsync(campaign), timeline.GetProperty("soldOutAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        Assert.Equal(["sold_out"], timeline.GetProperty("refusalCodes").EnumerateArray().Select(c => c.GetString()), StringComparer.Ordinal);
        // Redemptions count where they fall in the window, which closes 10 s after the sell-out.
        Assert.InRange(points.Sum(p => p.GetProperty("redeemed").GetInt32()), 0, 6);

        var roi = await marketing.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/roi");
        var ledger = await LedgerReturnAsync(campaign);
        Assert.Equal((ledger.Redeemed, ledger.OrderValue, ledger.Discount), (roi.GetProperty("redeemed").GetInt32(),
            roi.GetProperty("orderValue").GetDecimal(), roi.GetProperty("discountCost").GetDecimal()));
        Assert.Equal((6, 120m + 130 + 140 + 150 + 160 + 170, 300m), (ledger.Redeemed, ledger.OrderValue, ledger.Discount));
        Assert.Equal(Math.Round((ledger.OrderValue - ledger.Discount) / ledger.Discount, 4), roi.GetProperty("roi").GetDecimal());
        Assert.Equal((20, 0L, 0L), (roi.GetProperty("issued").GetInt32(), roi.GetProperty("pointsSpent").GetInt64(), roi.GetProperty("pointsGranted").GetInt64()));
        Assert.False(roi.TryGetProperty("saleRevenue", out _));
    }

    [Fact]
    public async Task Points_spent_on_a_points_priced_campaign_and_granted_by_points_cards_equal_the_points_ledger()
    {
        var priced = await system.CreateCampaignAsync(10, price: new { points = 120 });
        var cards = await system.CreateCampaignAsync(10, coupon: new { kind = "points", points = 80 });
        using var marketing = await system.MarketerAsync("roi-points");
        using var admin = system.Client(await system.TokenAsync("roi-points-admin", "admin"));
        for (var i = 0; i < 3; i++)
        {
            var shopper = $"roi-points-{priced:N}-{i}";
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/admin/points", new { shopperId = shopper, points = 500, note = "test credit" })).StatusCode);
            var token = await system.TokenAsync(shopper, "shopper");
            using var client = system.Client(token);
            Assert.Equal(HttpStatusCode.Created, (await client.ClaimAsync(priced, "priced")).Status);
            var (card, _) = await system.ClaimCouponAsync(token, cards);
            if (i < 2)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/me/coupons/{card}/redeem-points", null)).StatusCode);
            }
        }

        var comparison = await marketing.GetFromJsonAsync<JsonElement>($"/api/campaigns/roi?ids={priced},{cards}");
        var rows = comparison.GetProperty("campaigns").EnumerateArray().ToList();
        Assert.Equal([priced, cards], rows.Select(r => r.GetProperty("campaignId").GetGuid()));
        Assert.Equal((-await PointsAsync(priced, "claim"), await PointsAsync(cards, "points_card")),
            (rows[0].GetProperty("pointsSpent").GetInt64(), rows[1].GetProperty("pointsGranted").GetInt64()));
        Assert.Equal((360L, 160L), (rows[0].GetProperty("pointsSpent").GetInt64(), rows[1].GetProperty("pointsGranted").GetInt64()));
        // Nothing was discounted on an order: no ROI to speak of.
        Assert.All(rows, r => Assert.False(r.TryGetProperty("roi", out _)));

        var csv = await marketing.GetAsync($"/api/campaigns/roi.csv?ids={priced},{cards}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("campaign_id,name,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{priced},", lines[1], StringComparison.Ordinal);
        Assert.StartsWith($"{cards},", lines[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/campaigns/roi?ids=not-a-campaign", "ids")]
    [InlineData("/api/campaigns/roi?ids=", "ids")]
    [InlineData("/api/campaigns/roi?from=yesterday", "from")]
    [InlineData("/api/campaigns/roi?from=2026-11-11T00:00:00Z&to=2026-11-10T00:00:00Z", "to")]
    [InlineData("/api/campaigns/roi?ids=TOO_MANY", "ids")]
    [InlineData("/api/campaigns/roi.csv?ids=TOO_MANY", "ids")]
    [InlineData("/api/campaigns/roi.csv?ids=00000000-0000-0000-0000-000000000001&from=2026-11-11T00:00:00Z", "ids")]
    public async Task Bad_comparison_input_is_a_400_with_a_code_naming_the_parameter(string path, string field)
    {
        using var marketing = await system.MarketerAsync("roi-bad-input");
        var tooMany = string.Join(',', Enumerable.Range(0, 21).Select(_ => Guid.NewGuid()));
        using var response = await marketing.GetAsync(path.Replace("TOO_MANY", tooMany, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Reading_results_changes_nothing_and_unknown_campaigns_are_404()
    {
        var campaign = await system.CreateCampaignAsync(5);
        using var marketing = await system.MarketerAsync("roi-unknown");
        var before = await CampaignRowAsync(campaign);
        foreach (var path in new[] { $"/api/campaigns/{Guid.NewGuid()}/roi", $"/api/campaigns/{Guid.NewGuid()}/timeline", "/api/campaigns/nope/roi",
                     $"/api/campaigns/roi?ids={campaign},{Guid.NewGuid()}" })
        {
            using var response = await marketing.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("campaign_not_found", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }

        using var bad = await marketing.GetAsync($"/api/campaigns/roi?ids={campaign},x");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(before, await CampaignRowAsync(campaign));
    }

    [Fact]
    public async Task A_marketer_of_another_merchant_cannot_read_the_campaign_and_a_shopper_cannot_read_any()
    {
        var campaign = await system.CreateCampaignAsync(5);
        using var globex = system.Client(await system.MerchantTokenAsync("roi-globex", "globex", "marketing"));
        foreach (var path in new[] { $"/api/campaigns/{campaign}/roi", $"/api/campaigns/{campaign}/timeline", $"/api/campaigns/roi?ids={campaign}",
                     $"/api/campaigns/roi.csv?ids={campaign}" })
        {
            using var response = await globex.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("campaign_not_found", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }

        var theirs = await globex.GetFromJsonAsync<JsonElement>("/api/campaigns/roi");
        Assert.DoesNotContain(theirs.GetProperty("campaigns").EnumerateArray(), r => r.GetProperty("campaignId").GetGuid() == campaign);

        using var shopper = system.Client(await system.TokenAsync("roi-shopper", "shopper"));
        using var forbidden = await shopper.GetAsync($"/api/campaigns/{campaign}/roi");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    private static List<JsonElement> Points(JsonElement timeline) => [.. timeline.GetProperty("points").EnumerateArray()];

    private sealed record LedgerReturn(int Redeemed, decimal OrderValue, decimal Discount);

    // Straight from the ledger, through the coupons: the way the endpoint does not take.
    private async Task<LedgerReturn> LedgerReturnAsync(Guid campaign)
    {
        await using var command = system.Database.CreateCommand(
            """
            SELECT count(DISTINCT r.coupon_id)::integer, coalesce(sum(r.amount), 0), coalesce(sum(r.discount), 0)
              FROM coupons c JOIN redemptions r USING (coupon_id)
             WHERE c.campaign_id = $1 AND r.refunded_at IS NULL AND r.kind = 'order'
            """);
        command.Parameters.Add(new() { Value = campaign });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new LedgerReturn(reader.GetInt32(0), reader.GetDecimal(1), reader.GetDecimal(2));
    }

    private async Task<long> PointsAsync(Guid campaign, string reason)
    {
        await using var command = system.Database.CreateCommand(
            "SELECT coalesce(sum(e.delta), 0)::bigint FROM points_entries e JOIN coupons c USING (coupon_id) WHERE c.campaign_id = $1 AND e.reason = $2");
        command.Parameters.Add(new() { Value = campaign });
        command.Parameters.Add(new() { Value = reason });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<DateTimeOffset> LastIssuedAtAsync(Guid campaign)
    {
        await using var command = system.Database.CreateCommand("SELECT max(issued_at) FROM coupons WHERE campaign_id = $1");
        command.Parameters.Add(new() { Value = campaign });
        return new DateTimeOffset((DateTime)(await command.ExecuteScalarAsync())!);
    }

    private async Task<string> CampaignRowAsync(Guid campaign)
    {
        await using var command = system.Database.CreateCommand("SELECT row_to_json(s)::text FROM campaign_stock s WHERE campaign_id = $1");
        command.Parameters.Add(new() { Value = campaign });
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
