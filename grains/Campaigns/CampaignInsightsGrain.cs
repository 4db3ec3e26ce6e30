using System.Collections.Immutable;
using Dapper;
using FlashSale.GrainInterfaces.Campaigns;
using Npgsql;

namespace FlashSale.Grains.Campaigns;

/// <summary>
/// The results page's figures, each a few indexed queries on one campaign's rows: its coupons by
/// <c>(campaign_id, seq)</c>, its uses by <c>redemptions_by_campaign</c>, its refusals by the series' key
/// (V026__campaign_refusal_series.sql). A group's are its units' together.
/// </summary>
[StatelessWorker]
public sealed class CampaignInsightsGrain(NpgsqlDataSource database, TimeProvider clock) : Grain, ICampaignInsightsGrain
{
    // The same bucket rule for every series: -1 before the window, @buckets from its end on.
    private static string BucketOf(string instant) =>
        $"CASE WHEN {instant} < @from THEN -1 WHEN {instant} >= @to THEN @buckets "
        + $"ELSE least(@buckets - 1, floor(extract(epoch FROM {instant} - @from) / @width)::integer) END";

    public async Task<CampaignTimeline?> Timeline(Guid campaignId, int maxBuckets)
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
        var window = TimelineWindow.Of(sale.StartsAt, sale.FirstIssuedAt, soldOutAt, sale.EndsAt, sale.ClosedAt, clock.GetUtcNow(), maxBuckets);
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

    public async Task<ImmutableArray<CampaignRoi>> Roi(ImmutableArray<Guid> campaignIds, string? merchant)
    {
        await using var connection = database.CreateConnection();
        var rows = (await connection.QueryAsync<CampaignRoi>(
            RoiSelect + " WHERE p.campaign_id = ANY(@ids) AND (@merchant::text IS NULL OR p.merchant_id = @merchant)",
            new { ids = campaignIds.ToArray(), merchant })).ToDictionary(r => r.CampaignId);
        return [.. campaignIds.Where(rows.ContainsKey).Select(id => rows[id])];
    }

    public async Task<ImmutableArray<CampaignRoi>> RoiOpeningBetween(string? merchant, DateTimeOffset? from, DateTimeOffset? to, int limit)
    {
        await using var connection = database.CreateConnection();
        // By campaign_stock_by_merchant (merchant, starts_at), as the campaign list reads it.
        var rows = await connection.QueryAsync<CampaignRoi>(
            RoiSelect + """
             WHERE p.parent_id IS NULL AND p.starts_at IS NOT NULL AND NOT p.draft
               AND (@merchant::text IS NULL OR p.merchant_id = @merchant)
               AND (@from::timestamptz IS NULL OR p.starts_at >= @from) AND (@to::timestamptz IS NULL OR p.starts_at < @to)
             ORDER BY p.starts_at DESC, p.campaign_id
             LIMIT @limit
            """, new { merchant, from, to, limit });
        return [.. rows];
    }

    // Issued from the ledger row's counters (a paid sale's: paid orders less refunds that gave their unit
    // back); uses by redemptions_by_campaign; points and paid orders through their per-coupon unique keys,
    // and only on campaigns priced in points, of points cards or sold for cash. Each joins the campaign's
    // units as rows (a plain campaign is its own unit, a group's row has no coupons), so that PostgreSQL
    // reads each unit's rows by index.
    private const string RoiSelect =
        """
        SELECT p.campaign_id, coalesce(p.campaign_name, '') AS name, coalesce(p.terms->>'currency', 'CNY') AS currency, p.starts_at,
               m.issued, u.redeemed, u.order_value, u.discount_cost,
               CASE WHEN m.priced_in_points THEN
                    (SELECT coalesce(-sum(e.delta), 0) FROM campaign_stock x JOIN coupons c ON c.campaign_id = x.campaign_id
                       JOIN points_entries e ON e.coupon_id = c.coupon_id AND e.reason = 'claim'
                      WHERE x.campaign_id = p.campaign_id OR x.parent_id = p.campaign_id)
                    - (SELECT coalesce(sum(e.delta), 0) FROM campaign_stock x JOIN coupons c ON c.campaign_id = x.campaign_id
                         JOIN points_entries e ON e.coupon_id = c.coupon_id AND e.reason IN ('order_lapsed', 'order_refunded')
                        WHERE x.campaign_id = p.campaign_id OR x.parent_id = p.campaign_id)
                    ELSE 0 END::bigint AS points_spent,
               CASE WHEN m.points_cards THEN
                    (SELECT coalesce(sum(e.delta), 0) FROM campaign_stock x JOIN redemptions r ON r.campaign_id = x.campaign_id AND r.kind = 'points_card'
                       JOIN points_entries e ON e.coupon_id = r.coupon_id AND e.reason = 'points_card'
                      WHERE x.campaign_id = p.campaign_id OR x.parent_id = p.campaign_id)
                    ELSE 0 END::bigint AS points_granted,
               CASE WHEN m.paid_sale THEN
                    (SELECT coalesce(sum(o.amount_fen), 0) FROM campaign_stock x JOIN coupons c ON c.campaign_id = x.campaign_id
                       JOIN sale_orders o ON o.order_id = c.coupon_id AND o.status = 'paid'
                      WHERE x.campaign_id = p.campaign_id OR x.parent_id = p.campaign_id)
                    ELSE 0 END::bigint AS sale_revenue_fen,
               m.paid_sale
          FROM campaign_stock p
         CROSS JOIN LATERAL (
               SELECT coalesce(sum(CASE WHEN x.payment_window IS NULL THEN x.issued ELSE x.orders_paid - x.refunds_returned END), 0)::integer AS issued,
                      coalesce(bool_or(x.price_points IS NOT NULL), false) AS priced_in_points,
                      coalesce(bool_or(x.terms->>'kind' = 'points'), false) AS points_cards,
                      coalesce(bool_or(x.payment_window IS NOT NULL), false) AS paid_sale
                 FROM campaign_stock x WHERE x.campaign_id = p.campaign_id OR x.parent_id = p.campaign_id) m
         CROSS JOIN LATERAL (
               SELECT (count(DISTINCT r.coupon_id) FILTER (WHERE r.kind = 'order'))::integer AS redeemed,
                      coalesce(sum(r.amount) FILTER (WHERE r.kind = 'order'), 0) AS order_value,
                      coalesce(sum(r.discount) FILTER (WHERE r.kind = 'order'), 0) AS discount_cost
                 FROM campaign_stock x JOIN redemptions r ON r.campaign_id = x.campaign_id AND r.refunded_at IS NULL
                WHERE x.campaign_id = p.campaign_id OR x.parent_id = p.campaign_id) u
        """;

    private sealed record UnitSpan(DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, DateTimeOffset? ClosedAt, Guid UnitId, int Stock, int Taken,
        DateTimeOffset? FirstIssuedAt, DateTimeOffset? LastIssuedAt);

    private sealed record SaleSpan(DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, DateTimeOffset? ClosedAt, Guid[] Units, int Stock, int Taken,
        DateTimeOffset? FirstIssuedAt, DateTimeOffset? LastIssuedAt);

    private sealed record BucketCount(int Bucket, long N);

    private sealed record BucketRefusals(int Bucket, string Code, long N);
}
