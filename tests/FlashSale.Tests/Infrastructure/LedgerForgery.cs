using Npgsql;

namespace FlashSale.Tests.Infrastructure;

/// <summary>Rows written around the API, breaking an invariant on purpose, for the auditor of the books to catch.</summary>
public static class LedgerForgery
{
    /// <summary>
    /// A second coupon of the same campaign for the shopper who claimed <paramref name="coupon"/>, inserted straight into
    /// the ledger: the campaign's issued counter still says one, and the shopper holds two (slot 2). Returns its id.
    /// </summary>
    public static async Task<Guid> ForgeSecondCouponAsync(this NpgsqlDataSource database, Guid coupon)
    {
        var forged = Guid.NewGuid();
        await database.ScalarAsync<int>(
            """
            INSERT INTO coupons (coupon_id, campaign_id, seq, shopper_id, shopper_slot, device_id, idempotency_key, code, issued_at, expires_at,
                                 claim_day, day_slot, shopper_bucket)
            SELECT $1, campaign_id, seq + 1, shopper_id, 2, device_id, 'forged', 'FORGED-' || $1::text, now(), expires_at, claim_day, 99, shopper_bucket
              FROM coupons WHERE coupon_id = $2
            RETURNING seq
            """, forged, coupon);
        return forged;
    }
}
