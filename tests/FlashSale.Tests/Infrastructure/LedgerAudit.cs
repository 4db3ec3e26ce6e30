using Npgsql;

namespace FlashSale.Tests.Infrastructure;

/// <summary>What PostgreSQL says about a campaign, read straight from the ledger tables.</summary>
public sealed record LedgerAudit(
    int TotalStock,
    int IssuedCounter,
    int CouponRows,
    int MaxPerShopper,
    int DuplicateKeys,
    int Transactions,
    IReadOnlySet<Guid> CouponIds)
{
    /// <summary>The campaign's issued counter alone.</summary>
    public static async Task<int> IssuedAsync(NpgsqlDataSource database, Guid campaignId)
    {
        await using var command = database.CreateCommand("SELECT issued FROM campaign_stock WHERE campaign_id = $1");
        command.Parameters.Add(new() { Value = campaignId });
        return (int)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<LedgerAudit> ReadAsync(NpgsqlDataSource database, Guid campaignId)
    {
        await using var command = database.CreateCommand(
            """
            SELECT s.total_stock, s.issued,
                   (SELECT count(*) FROM coupons c WHERE c.campaign_id = s.campaign_id),
                   (SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM coupons c
                      WHERE c.campaign_id = s.campaign_id GROUP BY c.shopper_id) per_shopper),
                   (SELECT count(*) FROM (SELECT 1 FROM coupons c WHERE c.campaign_id = s.campaign_id
                      GROUP BY c.shopper_id, c.idempotency_key HAVING count(*) > 1) dup),
                   (SELECT count(DISTINCT c.xmin::text) FROM coupons c WHERE c.campaign_id = s.campaign_id),
                   (SELECT coalesce(array_agg(c.coupon_id), '{}') FROM coupons c WHERE c.campaign_id = s.campaign_id)
              FROM campaign_stock s WHERE s.campaign_id = $1
            """);
        command.Parameters.Add(new() { Value = campaignId });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"campaign {campaignId} has no ledger row");
        return new LedgerAudit(
            reader.GetInt32(0),
            reader.GetInt32(1),
            (int)reader.GetInt64(2),
            (int)reader.GetInt64(3),
            (int)reader.GetInt64(4),
            (int)reader.GetInt64(5),
            reader.GetFieldValue<Guid[]>(6).ToHashSet());
    }

    /// <summary>Invariants 1, 2 and 4 as the database sees them.</summary>
    public void AssertConsistent(int perUserLimit)
    {
        Assert.True(IssuedCounter <= TotalStock, $"oversold: {IssuedCounter} issued of {TotalStock}");
        Assert.Equal(IssuedCounter, CouponRows);
        Assert.True(MaxPerShopper <= perUserLimit, $"a shopper holds {MaxPerShopper} coupons, limit {perUserLimit}");
        Assert.Equal(0, DuplicateKeys);
    }
}
