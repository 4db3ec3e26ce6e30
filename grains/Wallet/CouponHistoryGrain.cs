using System.Collections.Immutable;
using Dapper;
using FlashSale.GrainInterfaces.Wallet;
using Npgsql;
using Orleans.Concurrency;

namespace FlashSale.Grains.Wallet;

/// <summary>Reads a coupon's history; stateless, any silo answers.</summary>
[StatelessWorker]
public sealed class CouponHistoryGrain(NpgsqlDataSource database) : Grain, ICouponHistoryGrain
{
    public async Task<ImmutableArray<CouponEvent>> Of(Guid couponId)
    {
        await using var connection = database.CreateConnection();
        var events = await connection.QueryAsync<CouponEvent>(
            """
            SELECT 'issued' AS kind, issued_at AS at, shopper_id AS actor, NULL AS counterpart, NULL AS order_id, NULL::numeric AS amount
              FROM coupons WHERE coupon_id = @couponId
            UNION ALL
            SELECT 'transferred', transferred_at, from_shopper, to_shopper, NULL, NULL FROM coupon_transfers WHERE coupon_id = @couponId
            UNION ALL
            SELECT 'redeemed', redeemed_at, redeemed_by, holder_id, order_id, discount FROM redemptions WHERE coupon_id = @couponId
            UNION ALL
            SELECT 'refunded', refunded_at, refunded_by, holder_id, order_id, discount FROM redemptions
             WHERE coupon_id = @couponId AND refunded_at IS NOT NULL
            UNION ALL
            SELECT 'secret_revealed', revealed_at, shopper_id, NULL, NULL, NULL FROM card_secret_reveals WHERE coupon_id = @couponId
            UNION ALL
            SELECT 'recycled', recycled_at, NULL, NULL, NULL, NULL FROM recycled_coupons WHERE coupon_id = @couponId
            ORDER BY at
            """,
            new { couponId });
        return [.. events];
    }
}
