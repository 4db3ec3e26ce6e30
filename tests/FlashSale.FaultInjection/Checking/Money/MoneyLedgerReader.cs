using Npgsql;

namespace FlashSale.FaultInjection.Checking.Money;

/// <summary>Reads the money tables of the run's database, whole: the run is the only thing that wrote them.</summary>
public static class MoneyLedgerReader
{
    public static async Task<MoneyLedger> ReadAsync(string connectionString, Guid pointsPricedCampaign)
    {
        await using var database = NpgsqlDataSource.Create(connectionString);
        return new MoneyLedger(
            await ReadAsync(database,
                "SELECT order_scope, order_id, amount, discount, coupons, exclusive, refunded_at IS NOT NULL FROM orders",
                r => new OrderRow(r.GetString(0), r.GetString(1), r.GetDecimal(2), r.GetDecimal(3), r.GetInt32(4), r.GetBoolean(5), r.GetBoolean(6))),
            await ReadAsync(database,
                """
                SELECT redemption_id, coupon_id, order_id, order_scope, kind, amount, discount, campaign_id, coalesce(stackable, true),
                       refunded_at IS NOT NULL, refunded_by
                  FROM redemptions
                """,
                r => new RedemptionRow(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetDecimal(5), r.GetDecimal(6),
                    r.GetGuid(7), r.GetBoolean(8), r.GetBoolean(9), r.IsDBNull(10) ? null : r.GetString(10))),
            await ReadAsync(database,
                """
                SELECT coalesce(a.shopper_id, e.shopper_id), a.balance, coalesce(e.total, 0)::bigint
                  FROM points_accounts a
                  FULL JOIN (SELECT shopper_id, sum(delta) AS total FROM points_entries GROUP BY shopper_id) e ON e.shopper_id = a.shopper_id
                """,
                r => new PointsAccountRow(r.GetString(0), r.IsDBNull(1) ? null : r.GetInt64(1), r.GetInt64(2))),
            await ReadAsync(database,
                "SELECT shopper_id, delta, reason, coupon_id, campaign_id, credit_key FROM points_entries",
                r => new PointsEntryRow(r.GetString(0), r.GetInt64(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetGuid(3),
                    r.IsDBNull(4) ? null : r.GetGuid(4), r.IsDBNull(5) ? null : r.GetString(5))),
            await ReadAsync(database,
                """
                SELECT c.coupon_id, c.balance, (s.terms ->> 'cardValue')::numeric,
                       coalesce((SELECT sum(r.discount) FROM redemptions r
                                  WHERE r.coupon_id = c.coupon_id AND r.kind = 'order' AND r.refunded_at IS NULL), 0)
                  FROM coupons c JOIN campaign_stock s USING (campaign_id)
                 WHERE s.terms ->> 'kind' = 'giftcard'
                """,
                r => new GiftCardRow(r.GetGuid(0), r.IsDBNull(1) ? null : r.GetDecimal(1), r.GetDecimal(2), r.GetDecimal(3))),
            await ReadAsync(database,
                """
                SELECT t.coupon_id, t.from_shopper, t.to_shopper, c.code, coalesce(c.holder_id, c.shopper_id)
                  FROM coupon_transfers t JOIN coupons c USING (coupon_id)
                """,
                r => new TransferRow(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4))),
            await ReadAsync(database,
                "SELECT campaign_id, idempotency_key, (details ->> 'add')::integer FROM campaign_changes WHERE action = 'topped_up' AND idempotency_key IS NOT NULL",
                r => new TopUpRow(r.GetGuid(0), r.GetString(1), r.GetInt32(2))),
            await ReadAsync(database,
                "SELECT campaign_id, total_stock, paused, closed FROM campaign_stock",
                r => new StockRow(r.GetGuid(0), r.GetInt32(1), r.GetBoolean(2), r.GetBoolean(3))),
            await ReadAsync(database,
                """
                SELECT rc.coupon_id, rc.campaign_id,
                       EXISTS (SELECT 1 FROM redemptions r WHERE r.coupon_id = rc.coupon_id AND r.refunded_at IS NULL)
                  FROM recycled_coupons rc
                """,
                r => new RecycledRow(r.GetGuid(0), r.GetGuid(1), r.GetBoolean(2))),
            await ReadAsync(database, "SELECT coupon_id FROM coupons WHERE campaign_id = $1", r => r.GetGuid(0), pointsPricedCampaign));
    }

    private static async Task<List<T>> ReadAsync<T>(NpgsqlDataSource database, string sql, Func<NpgsqlDataReader, T> read, params object[] parameters)
    {
        await using var command = database.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
