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
        await using var next = new NpgsqlCommand(
            $"""
            SELECT c.seq, {WalletStore.CouponColumns}
              FROM coupons c JOIN campaign_stock s USING (campaign_id)
             WHERE c.campaign_id = $1 AND c.seq > $2
             ORDER BY c.seq LIMIT {step}
            """, connection, transaction);
        next.Parameters.Add(new() { Value = campaignId });
        next.Parameters.Add(new() { Value = afterSeq });
        var due = new List<(int, CouponRow)>();
        await using var reader = await next.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var coupon = WalletStore.ReadCoupon(reader, offset: 1);
            if (coupon.ExpiresAt - lead > now)
            {
                return (due, true);
            }

            due.Add((reader.GetInt32(0), coupon));
        }

        return (due, false);
    }
}
