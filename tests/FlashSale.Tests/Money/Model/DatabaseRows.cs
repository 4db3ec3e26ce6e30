using Npgsql;

namespace FlashSale.Tests.Money.Model;

/// <summary>
/// A sequence's rows in PostgreSQL, written as the lines <see cref="WalletModel.Rows"/> writes:
/// its campaigns' coupons, uses and transfers, its scopes' orders, its shoppers' points.
/// </summary>
public static class DatabaseRows
{
    public static async Task<List<string>> ReadAsync(NpgsqlDataSource database, Stage stage)
    {
        var campaigns = stage.Campaigns.Select(c => c.Id).ToArray();
        var cardValues = stage.Campaigns.ToDictionary(c => c.Id, c => c.Spec.Kind == Kind.Giftcard ? c.Spec.CardValue : (decimal?)null);
        var rows = new List<string>();

        await ReadAsync(database, rows, campaigns,
            "SELECT coupon_id, campaign_id, coalesce(holder_id, shopper_id), code, balance FROM coupons WHERE campaign_id = ANY($1)",
            r =>
            {
                var card = cardValues[r.GetGuid(1)];
                var balance = card is null ? "-" : Outcome.Money(r.IsDBNull(4) ? card : r.GetDecimal(4));
                return $"coupon {r.GetGuid(0)} campaign={r.GetGuid(1)} holder={r.GetString(2)} code={r.GetString(3)} balance={balance}";
            });
        await ReadAsync(database, rows, stage.Scopes,
            "SELECT order_scope, order_id, amount, currency, discount, coupons, exclusive, refunded_at IS NOT NULL FROM orders WHERE order_scope = ANY($1)",
            r => $"order {r.GetString(0)} {r.GetString(1)} amount={Outcome.Money(r.GetDecimal(2))} {r.GetString(3)} discount={Outcome.Money(r.GetDecimal(4))} "
                + $"coupons={r.GetInt32(5)} exclusive={r.GetBoolean(6)} refunded={r.GetBoolean(7)}");
        await ReadAsync(database, rows, campaigns,
            """
            SELECT r.coupon_id, r.order_scope, r.order_id, r.kind, r.discount, r.redeemed_by, r.refunded_by
              FROM redemptions r JOIN coupons c USING (coupon_id) WHERE c.campaign_id = ANY($1)
            """,
            r => $"use {r.GetGuid(0)} {r.GetString(1)} {r.GetString(2)} {r.GetString(3)} discount={Outcome.Money(r.GetDecimal(4))} by={r.GetString(5)} "
                + $"refundedBy={(r.IsDBNull(6) ? "-" : r.GetString(6))}");
        await ReadAsync(database, rows, stage.Shoppers, "SELECT shopper_id, balance FROM points_accounts WHERE shopper_id = ANY($1)",
            r => $"points {r.GetString(0)} balance={r.GetInt64(1)}");
        await ReadAsync(database, rows, stage.Shoppers, "SELECT shopper_id, reason, delta FROM points_entries WHERE shopper_id = ANY($1)",
            r => $"entry {r.GetString(0)} {r.GetString(1)} {r.GetInt64(2)}");
        await ReadAsync(database, rows, campaigns,
            "SELECT coupon_id, from_shopper, to_shopper, counted FROM coupon_transfers WHERE campaign_id = ANY($1)",
            r => $"transfer {r.GetGuid(0)} {r.GetString(1)}->{r.GetString(2)} counted={r.GetBoolean(3)}");
        await ReadAsync(database, rows, campaigns, "SELECT campaign_id, issued FROM campaign_stock WHERE campaign_id = ANY($1)",
            r => $"campaign {r.GetGuid(0)} issued={r.GetInt32(1)}");
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>Units each campaign gave back to its stock.</summary>
    public static async Task<Dictionary<Guid, int>> RecycledAsync(NpgsqlDataSource database, Stage stage)
    {
        var recycled = new Dictionary<Guid, int>();
        await using var command = database.CreateCommand("SELECT campaign_id, recycled FROM campaign_stock WHERE campaign_id = ANY($1)");
        command.Parameters.Add(new() { Value = stage.Campaigns.Select(c => c.Id).ToArray() });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            recycled[reader.GetGuid(0)] = reader.GetInt32(1);
        }

        return recycled;
    }

    /// <summary>The current code of every coupon of the sequence.</summary>
    public static async Task<Dictionary<Guid, (string Holder, string Code)>> CodesAsync(NpgsqlDataSource database, Stage stage)
    {
        var codes = new Dictionary<Guid, (string, string)>();
        await using var command = database.CreateCommand("SELECT coupon_id, coalesce(holder_id, shopper_id), code FROM coupons WHERE campaign_id = ANY($1)");
        command.Parameters.Add(new() { Value = stage.Campaigns.Select(c => c.Id).ToArray() });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            codes[reader.GetGuid(0)] = (reader.GetString(1), reader.GetString(2));
        }

        return codes;
    }

    private static async Task ReadAsync<T>(NpgsqlDataSource database, List<string> rows, T parameter, string sql, Func<NpgsqlDataReader, string> line)
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.Add(new() { Value = parameter! });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(line(reader));
        }
    }
}
