using Npgsql;

namespace FlashSale.Tests.Upgrades;

/// <summary>
/// The design's invariants over claims and money, each as a query for the rows that break it,
/// checked across the whole database: what an upgrade must leave true of every row it kept.
/// </summary>
public static class DatabaseInvariants
{
    private static readonly (string Name, string Violations)[] Checks =
    [
        ("never oversold, and issued counts the ledger's rows", """
            SELECT s.campaign_id FROM campaign_stock s
             WHERE s.issued > s.total_stock + s.recycled
                OR s.issued <> (SELECT count(*) FROM coupons c WHERE c.campaign_id = s.campaign_id)
                OR s.issued <> coalesce((SELECT max(c.seq) FROM coupons c WHERE c.campaign_id = s.campaign_id), 0)
            """),
        ("no shopper over a campaign's per-user limit", """
            SELECT c.campaign_id, c.shopper_id FROM coupons c JOIN campaign_stock s USING (campaign_id)
             GROUP BY c.campaign_id, c.shopper_id, s.per_user_limit HAVING count(*) > s.per_user_limit
            """),
        ("one coupon per idempotency key", """
            SELECT shopper_id, idempotency_key FROM coupons GROUP BY shopper_id, idempotency_key HAVING count(*) > 1
            """),
        ("points balance = credits - debits", """
            SELECT a.shopper_id FROM points_accounts a
             WHERE a.balance <> (SELECT coalesce(sum(e.delta), 0) FROM points_entries e WHERE e.shopper_id = a.shopper_id)
            """),
        ("every points-priced coupon paid for exactly once", """
            SELECT c.coupon_id FROM coupons c JOIN campaign_stock s USING (campaign_id)
             WHERE s.price_points IS NOT NULL
               AND (SELECT count(*) FROM points_entries e
                     WHERE e.coupon_id = c.coupon_id AND e.reason = 'claim' AND e.delta = -s.price_points) <> 1
            """),
        ("at most one standing use of a single-use coupon", """
            SELECT coupon_id FROM redemptions WHERE single_use AND refunded_at IS NULL GROUP BY coupon_id HAVING count(*) > 1
            """),
        ("an order's discounts never exceed its amount", """
            SELECT order_id FROM redemptions WHERE refunded_at IS NULL
             GROUP BY order_id HAVING sum(discount) > min(amount)
            """),
        ("a gift card's balance is its value less its standing spends", """
            SELECT c.coupon_id FROM coupons c JOIN campaign_stock s USING (campaign_id)
             WHERE s.terms ->> 'kind' = 'giftcard'
               AND c.balance + (SELECT coalesce(sum(r.discount), 0) FROM redemptions r
                                 WHERE r.coupon_id = c.coupon_id AND r.refunded_at IS NULL)
                   <> (s.terms ->> 'cardValue')::numeric
            """),
        ("a transferred coupon is held by its last recipient", """
            SELECT t.coupon_id FROM coupon_transfers t JOIN coupons c USING (coupon_id)
             WHERE t.transferred_at = (SELECT max(l.transferred_at) FROM coupon_transfers l WHERE l.coupon_id = t.coupon_id)
               AND c.holder_id IS DISTINCT FROM t.to_shopper
            """),
        ("recycling returns only unused units, each once", """
            SELECT s.campaign_id FROM campaign_stock s
             WHERE s.recycled <> (SELECT count(*) FROM recycled_coupons r WHERE r.campaign_id = s.campaign_id)
                OR EXISTS (SELECT 1 FROM recycled_coupons r JOIN redemptions u USING (coupon_id)
                            WHERE r.campaign_id = s.campaign_id AND u.refunded_at IS NULL)
            """),
        ("redemption results agree with the redemptions", """
            SELECT s.campaign_id FROM campaign_stock s
              LEFT JOIN campaign_redemption_results t USING (campaign_id)
              LEFT JOIN (SELECT c.campaign_id, count(DISTINCT r.coupon_id) AS coupons, count(*) AS uses, sum(r.discount) AS discount
                           FROM redemptions r JOIN coupons c USING (coupon_id)
                          WHERE r.refunded_at IS NULL GROUP BY c.campaign_id) truth USING (campaign_id)
             WHERE coalesce(t.redeemed_coupons, 0) <> coalesce(truth.coupons, 0)
                OR coalesce(t.standing_uses, 0) <> coalesce(truth.uses, 0)
                OR coalesce(t.discount_given, 0) <> coalesce(truth.discount, 0)
            """),
    ];

    /// <summary>Each invariant that does not hold, with how many rows break it; empty when all hold.</summary>
    public static async Task<List<string>> BrokenAsync(NpgsqlDataSource database)
    {
        var broken = new List<string>();
        foreach (var (name, violations) in Checks)
        {
            await using var command = database.CreateCommand($"SELECT count(*) FROM ({violations}) v");
            var count = (long)(await command.ExecuteScalarAsync())!;
            if (count > 0)
            {
                broken.Add($"{name}: {count} rows break it");
            }
        }

        return broken;
    }
}
