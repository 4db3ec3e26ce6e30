using System.Collections.Immutable;
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
        await using var command = database.CreateCommand(
            """
            SELECT 'issued', issued_at, shopper_id, NULL, NULL, NULL::numeric FROM coupons WHERE coupon_id = $1
            UNION ALL
            SELECT 'transferred', transferred_at, from_shopper, to_shopper, NULL, NULL FROM coupon_transfers WHERE coupon_id = $1
            UNION ALL
            SELECT 'redeemed', redeemed_at, redeemed_by, holder_id, order_id, discount FROM redemptions WHERE coupon_id = $1
            UNION ALL
            SELECT 'refunded', refunded_at, refunded_by, holder_id, order_id, discount FROM redemptions
             WHERE coupon_id = $1 AND refunded_at IS NOT NULL
            UNION ALL
            SELECT 'secret_revealed', revealed_at, shopper_id, NULL, NULL, NULL FROM card_secret_reveals WHERE coupon_id = $1
            UNION ALL
            SELECT 'recycled', recycled_at, NULL, NULL, NULL, NULL FROM recycled_coupons WHERE coupon_id = $1
            ORDER BY 2
            """);
        command.Parameters.Add(new() { Value = couponId });
        var events = ImmutableArray.CreateBuilder<CouponEvent>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            events.Add(new CouponEvent(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), Text(reader, 2), Text(reader, 3), Text(reader, 4),
                reader.IsDBNull(5) ? null : reader.GetDecimal(5)));
        }

        return events.ToImmutable();
    }

    private static string? Text(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}
