using Dapper;
using Npgsql;

namespace FlashSale.Grains.Wallet;

/// <summary>
/// A campaign's coupons in the order they expire, read from a watermark: a coupon's expiry never
/// decreases with its sequence number (claims are numbered in the order they were admitted), so
/// reminders and recycling only remember the last seq they dealt with.
/// </summary>
public static class ExpiryOrder
{
    /// <summary>
    /// Up to <paramref name="step"/> coupons after seq <paramref name="afterSeq"/> whose moment has
    /// come (their expiry less <paramref name="lead"/> is not after <paramref name="now"/>), and
    /// whether the read stopped at one whose moment has not.
    /// </summary>
    public static async Task<(List<(int Seq, CouponRow Coupon)> Due, bool ReachedNotDue)> DueAsync(NpgsqlConnection connection,
        NpgsqlTransaction transaction, Guid campaignId, int afterSeq, TimeSpan lead, DateTimeOffset now, int step)
    {
        var next = await connection.QueryAsync<int, StoredCoupon, (int Seq, CouponRow Coupon)>(
            $"""
            SELECT c.seq, {StoredCoupon.Columns}
              FROM coupons c JOIN campaign_stock s USING (campaign_id)
             WHERE c.campaign_id = @campaignId AND c.seq > @afterSeq
               -- An order's coupon is neither reminded of nor recycled: its unit is the order's until paid or lapsed.
               AND c.sale_state IS NULL
             ORDER BY c.seq LIMIT @step
            """,
            (seq, coupon) => (seq, coupon.ToRow()),
            new { campaignId, afterSeq, step },
            transaction,
            splitOn: "coupon_id");
        var due = new List<(int, CouponRow)>();
        foreach (var (seq, coupon) in next)
        {
            if (coupon.ExpiresAt - lead > now)
            {
                return (due, true);
            }

            due.Add((seq, coupon));
        }

        return (due, false);
    }
}
