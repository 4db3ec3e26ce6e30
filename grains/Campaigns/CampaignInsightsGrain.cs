using System.Collections.Immutable;
using Dapper;
using FlashSale.GrainInterfaces.Campaigns;
using Npgsql;

namespace FlashSale.Grains.Campaigns;

/// <summary>
/// Campaigns' returns for the results page: a few indexed queries on each campaign's rows (its uses by
/// <c>redemptions_by_campaign</c>). A group's are its units' together. The sale over time is the
/// <see cref="CampaignTimelineGrain"/>'s.
/// </summary>
[StatelessWorker]
public sealed class CampaignInsightsGrain(NpgsqlDataSource database) : Grain, ICampaignInsightsGrain
{
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
}
