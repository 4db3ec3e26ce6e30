using System.Collections.Immutable;
using Dapper;
using FlashSale.GrainInterfaces.Campaigns;
using Npgsql;

namespace FlashSale.Grains.Campaigns;

/// <summary>
/// A campaign's sale over time, bucketed over its <see cref="TimelineWindow"/>: its coupons by
/// <c>(campaign_id, seq)</c>, its uses by <c>redemptions_by_campaign</c>, its refusals by the series' key
/// (V026__campaign_refusal_series.sql). A group's are its units' together. It counts the campaign's
/// coupons each time, so the <see cref="CampaignTimelineGrain"/> shares one answer among everyone watching.
/// </summary>
public static class TimelineQuery
{
    // The same bucket rule for every series: -1 before the window, @buckets from its end on.
    private static string BucketOf(string instant) =>
        $"CASE WHEN {instant} < @from THEN -1 WHEN {instant} >= @to THEN @buckets "
        + $"ELSE least(@buckets - 1, floor(extract(epoch FROM {instant} - @from) / @width)::integer) END";

    public static async Task<CampaignTimeline?> ReadAsync(NpgsqlDataSource database, Guid campaignId, int maxBuckets, DateTimeOffset now)
    {
        await using var connection = database.CreateConnection();
        // One row per unit (a plain campaign is its own), each with the campaign's window.
        var units = (await connection.QueryAsync<UnitSpan>(
            """
            SELECT s.starts_at, s.ends_at, f.closed_at, u.campaign_id AS unit_id,
                   u.total_stock + u.recycled - r.returned AS stock, u.issued - r.returned AS taken,
                   (SELECT issued_at FROM coupons WHERE campaign_id = u.campaign_id ORDER BY seq LIMIT 1) AS first_issued_at,
                   (SELECT issued_at FROM coupons WHERE campaign_id = u.campaign_id ORDER BY seq DESC LIMIT 1) AS last_issued_at
              FROM campaign_stock s
              LEFT JOIN campaign_final_results f USING (campaign_id)
              JOIN LATERAL (
                   SELECT x.* FROM campaign_stock x WHERE x.parent_id = s.campaign_id
                   UNION ALL
                   SELECT s.* WHERE NOT EXISTS (SELECT 1 FROM campaign_stock g WHERE g.parent_id = s.campaign_id)) u ON true
              -- A paid sale's units given back (lapsed, refunded) leave both its stock and its rows' count.
             CROSS JOIN LATERAL (
                   SELECT CASE WHEN u.payment_window IS NULL THEN 0 ELSE u.orders_lapsed + u.refunds_returned END AS returned) r
             WHERE s.campaign_id = @campaignId
            """, new { campaignId })).ToList();
        if (units is not [var campaign, ..])
        {
            return null;
        }

        var sale = new SaleSpan(campaign.StartsAt, campaign.EndsAt, campaign.ClosedAt, [.. units.Select(u => u.UnitId)], units.Sum(u => u.Stock),
            units.Sum(u => u.Taken), units.Min(u => u.FirstIssuedAt), units.Max(u => u.LastIssuedAt));
        var soldOutAt = sale.Stock > 0 && sale.Taken >= sale.Stock ? sale.LastIssuedAt : null;
        var window = TimelineWindow.Of(sale.StartsAt, sale.FirstIssuedAt, soldOutAt, sale.EndsAt, sale.ClosedAt, now, maxBuckets);
        var range = new { units = sale.Units, from = window.From, to = window.To, width = window.BucketSeconds, buckets = window.Buckets };
        // Coupons in hand: a paid sale's held, lapsed and refunded orders are rows too, but no coupon.
        var issued = (await connection.QueryAsync<BucketCount>(
            $"SELECT {BucketOf("issued_at")} AS bucket, count(*)::bigint AS n FROM coupons WHERE campaign_id = ANY(@units) AND sale_state IS NULL GROUP BY 1",
            range)).ToDictionary(c => c.Bucket, c => (int)c.N);
        var redeemed = (await connection.QueryAsync<BucketCount>(
            $"""
            SELECT {BucketOf("redeemed_at")} AS bucket, count(*)::bigint AS n FROM redemptions
             WHERE campaign_id = ANY(@units) AND redeemed_at >= @from AND redeemed_at < @to AND kind = 'order' AND refunded_at IS NULL
             GROUP BY 1
            """, range)).ToDictionary(c => c.Bucket, c => (int)c.N);
        var refusals = (await connection.QueryAsync<BucketRefusals>(
            $"""
            SELECT {BucketOf("at")} AS bucket, code, sum(refusals)::bigint AS n FROM campaign_refusal_series
             WHERE campaign_id = ANY(@units) AND at >= @from AND at < @to
             GROUP BY 1, 2
            """, range)).ToLookup(r => r.Bucket);
        var buckets = Enumerable.Range(0, window.Buckets).Select(b => new TimelineBucket(
            window.From.AddSeconds((double)b * window.BucketSeconds), issued.GetValueOrDefault(b), redeemed.GetValueOrDefault(b),
            refusals[b].ToImmutableDictionary(r => r.Code, r => r.N, StringComparer.Ordinal)));
        return new CampaignTimeline(campaignId, window.From, window.To, window.BucketSeconds, sale.Stock, soldOutAt, [.. buckets],
            issued.GetValueOrDefault(-1), issued.GetValueOrDefault(window.Buckets));
    }

    private sealed record UnitSpan(DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, DateTimeOffset? ClosedAt, Guid UnitId, int Stock, int Taken,
        DateTimeOffset? FirstIssuedAt, DateTimeOffset? LastIssuedAt);

    private sealed record SaleSpan(DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, DateTimeOffset? ClosedAt, Guid[] Units, int Stock, int Taken,
        DateTimeOffset? FirstIssuedAt, DateTimeOffset? LastIssuedAt);

    private sealed record BucketCount(int Bucket, long N);

    private sealed record BucketRefusals(int Bucket, string Code, long N);
}
