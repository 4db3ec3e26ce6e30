using Npgsql;

namespace FlashSale.Tests.Money.Model;

/// <summary>
/// M1-M7 checked directly in PostgreSQL, over the whole database (the model's system has one of
/// its own): each query returns the rows that break a rule, described, and must return none.
/// </summary>
public static class MoneyInvariants
{
    // Standing uses of each order, added up from the redemptions themselves.
    private const string Standing =
        """
        WITH standing AS (
            SELECT order_scope, order_id, sum(discount) AS discount, count(*) AS coupons, bool_or(NOT stackable) AS exclusive,
                   count(DISTINCT campaign_id) AS campaigns, min(amount) AS amount, max(amount) AS top_amount
              FROM redemptions WHERE kind = 'order' AND refunded_at IS NULL GROUP BY order_scope, order_id)
        """;

    private static readonly (string Rule, string Sql)[] Checks =
    [
        ("M1 orders: discount within amount, at most 20 coupons, an exclusive coupon alone",
            "SELECT order_scope || ' ' || order_id FROM orders WHERE discount > amount OR coupons > 20 OR (exclusive AND coupons > 1) OR discount < 0"),
        ("M1 standing uses: within the amount, one amount, at most 20, exclusive alone, one per campaign",
            Standing + """
            SELECT order_scope || ' ' || order_id || ' discount ' || discount || ' coupons ' || coupons FROM standing
             WHERE discount > amount OR amount <> top_amount OR coupons > 20 OR (exclusive AND coupons > 1) OR campaigns < coupons
            """),
        ("M1 every order row adds up its standing uses",
            Standing + """
            SELECT o.order_scope || ' ' || o.order_id FROM orders o LEFT JOIN standing s USING (order_scope, order_id)
             WHERE o.discount <> coalesce(s.discount, 0) OR o.coupons <> coalesce(s.coupons, 0)
                OR (o.refunded_at IS NULL AND o.exclusive <> coalesce(s.exclusive, false))
                OR (s.order_id IS NOT NULL AND (o.amount <> s.amount OR o.refunded_at IS NOT NULL))
            """),
        ("M1 every use belongs to an order row of its scope",
            """
            SELECT r.order_scope || ' ' || r.order_id FROM redemptions r
             WHERE r.kind = 'order' AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.order_scope = r.order_scope AND o.order_id = r.order_id)
            """),
        ("M2 every balance is the sum of its entries",
            """
            SELECT coalesce(a.shopper_id, e.shopper_id) || ' balance ' || coalesce(a.balance, 0) || ' entries ' || coalesce(e.total, 0)
              FROM points_accounts a FULL JOIN (SELECT shopper_id, sum(delta) AS total FROM points_entries GROUP BY shopper_id) e USING (shopper_id)
             WHERE coalesce(a.balance, 0) <> coalesce(e.total, 0) OR a.balance < 0
            """),
        ("M2 a points card is used once, never refunded, and credited exactly once",
            """
            SELECT coupon_id::text FROM redemptions WHERE kind = 'points_card' AND refunded_at IS NOT NULL
            UNION ALL SELECT coupon_id::text FROM redemptions WHERE kind = 'points_card' GROUP BY coupon_id HAVING count(*) > 1
            UNION ALL SELECT coupon_id::text FROM points_entries WHERE reason = 'points_card' GROUP BY coupon_id HAVING count(*) > 1
            UNION ALL SELECT e.coupon_id::text FROM points_entries e WHERE e.reason = 'points_card'
                       AND NOT EXISTS (SELECT 1 FROM redemptions r WHERE r.coupon_id = e.coupon_id AND r.kind = 'points_card' AND r.discount = e.delta)
            UNION ALL SELECT r.coupon_id::text FROM redemptions r WHERE r.kind = 'points_card'
                       AND NOT EXISTS (SELECT 1 FROM points_entries e WHERE e.coupon_id = r.coupon_id AND e.reason = 'points_card')
            """),
        ("M2 a points price is debited once per coupon, from the shopper who claimed it",
            """
            SELECT e.coupon_id::text FROM points_entries e WHERE e.reason = 'claim'
               AND NOT EXISTS (SELECT 1 FROM coupons c WHERE c.coupon_id = e.coupon_id AND c.shopper_id = e.shopper_id AND c.campaign_id = e.campaign_id)
            UNION ALL SELECT coupon_id::text FROM points_entries WHERE reason = 'claim' GROUP BY coupon_id HAVING count(*) > 1
            """),
        ("M3 a gift card's balance is its value less its standing spends, within 0..value",
            """
            SELECT c.coupon_id || ' balance ' || coalesce(c.balance::text, 'full') FROM coupons c JOIN campaign_stock s USING (campaign_id)
             WHERE s.terms ->> 'kind' = 'giftcard'
               AND (coalesce(c.balance, (s.terms ->> 'cardValue')::numeric)
                        <> (s.terms ->> 'cardValue')::numeric
                           - coalesce((SELECT sum(r.discount) FROM redemptions r WHERE r.coupon_id = c.coupon_id AND r.refunded_at IS NULL), 0)
                    OR c.balance < 0 OR c.balance > (s.terms ->> 'cardValue')::numeric)
            """),
        ("M3 a single-use coupon has at most one standing use",
            "SELECT coupon_id::text FROM redemptions WHERE single_use AND refunded_at IS NULL GROUP BY coupon_id HAVING count(*) > 1"),
        ("M4 every code is one coupon's, and a coupon that changed hands changed its code",
            """
            SELECT code FROM coupons GROUP BY code HAVING count(*) > 1
            UNION ALL SELECT c.coupon_id::text FROM coupons c WHERE c.holder_id IS NOT NULL AND c.holder_id <> c.shopper_id
                       AND NOT EXISTS (SELECT 1 FROM coupon_transfers t WHERE t.coupon_id = c.coupon_id AND t.to_shopper = c.holder_id)
            """),
        ("M5 a shopper's order is refunded by that shopper, a points card never, every refund says by whom",
            """
            SELECT redemption_id::text FROM redemptions
             WHERE refunded_at IS NOT NULL
               AND (refunded_by IS NULL OR order_scope = 'points'
                    OR (order_scope LIKE 'shopper:%' AND refunded_by <> substr(order_scope, 9)))
            UNION ALL SELECT redemption_id::text FROM redemptions
             WHERE NOT (order_scope LIKE 'shopper:%' OR order_scope LIKE 'merchant:%' OR order_scope = 'points')
                OR (order_scope LIKE 'shopper:%' AND (redeemed_by <> substr(order_scope, 9) OR holder_id <> redeemed_by))
                OR (order_scope = 'points') <> (kind = 'points_card')
            """),
        ("M7 no recycled coupon was used, and the stock counts what was recycled",
            """
            SELECT rc.coupon_id::text FROM recycled_coupons rc JOIN coupons c USING (coupon_id)
             WHERE c.balance IS NOT NULL OR rc.recycled_at < c.expires_at
                OR EXISTS (SELECT 1 FROM redemptions r WHERE r.coupon_id = rc.coupon_id
                            AND (r.refunded_at IS NULL OR r.kind = 'points_card' OR r.redeemed_at > rc.recycled_at))
            UNION ALL SELECT s.campaign_id::text FROM campaign_stock s
             WHERE s.recycled <> (SELECT count(*) FROM recycled_coupons rc WHERE rc.campaign_id = s.campaign_id)
                OR s.issued > s.total_stock + s.recycled
                OR s.issued <> (SELECT count(*) FROM coupons c WHERE c.campaign_id = s.campaign_id)
            """),
    ];

    /// <summary>Every rule broken, with the rows that break it; empty when all hold.</summary>
    public static async Task<List<string>> BrokenAsync(NpgsqlDataSource database, Stage stage)
    {
        var broken = new List<string>();
        foreach (var (rule, sql) in Checks)
        {
            var rows = await RowsAsync(database, sql);
            if (rows.Count > 0)
            {
                broken.Add($"{rule}: {string.Join(", ", rows.Take(10))}");
            }
        }

        // M5 for merchants: only a till of the order's merchant refunds it (the tills are the sequence's own).
        var tills = stage.Tills.Select((till, i) => (till, merchant: stage.MerchantOfTill(i))).ToList();
        await using var command = database.CreateCommand(
            "SELECT order_scope, refunded_by FROM redemptions WHERE order_scope = ANY($1) AND refunded_at IS NOT NULL");
        command.Parameters.Add(new() { Value = stage.Merchants.Select(WalletModel.MerchantScope).ToArray() });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var (scope, by) = (reader.GetString(0), reader.GetString(1));
            if (!tills.Any(t => t.till == by && WalletModel.MerchantScope(t.merchant) == scope))
            {
                broken.Add($"M5 a merchant's order is refunded by its own tills: {scope} refunded by {by}");
            }
        }

        return broken;
    }

    private static async Task<List<string>> RowsAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.IsDBNull(0) ? "(null)" : reader.GetString(0));
        }

        return rows;
    }
}
