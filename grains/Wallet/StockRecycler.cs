using FlashSale.GrainInterfaces.Wallet;
using Npgsql;

namespace FlashSale.Grains.Wallet;

/// <summary>What one recycling step did: units given back, the stock now, and whether recycling is over for the campaign.</summary>
public sealed record Recycling(int Recycled, int Stock, bool Finished);

/// <summary>
/// Gives the units of coupons that expired unused back to their campaign's stock while its sale is
/// open (silo/Database/Schema/016-recycling.sql): coupons are read in the order they expire
/// (<see cref="ExpiryOrder"/>), from where the last step stopped, and each is recycled at most once.
/// </summary>
public sealed class StockRecycler(NpgsqlDataSource database)
{
    private const int Step = 500;

    public async Task<Recycling> RecycleAsync(Guid campaignId, DateTimeOffset now)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        int stock, last;
        await using (var campaign = new NpgsqlCommand(
            """
            SELECT s.total_stock + s.recycled, s.recycle_expired AND s.ends_at > $2,
                   coalesce((SELECT last_seq FROM recycle_progress p WHERE p.campaign_id = s.campaign_id), 0)
              FROM campaign_stock s WHERE s.campaign_id = $1
            """, connection, transaction))
        {
            campaign.Parameters.Add(new() { Value = campaignId });
            campaign.Parameters.Add(new() { Value = now });
            await using var reader = await campaign.ExecuteReaderAsync();
            if (!await reader.ReadAsync() || !reader.GetBoolean(1))
            {
                return new Recycling(0, 0, Finished: true);
            }

            (stock, last) = (reader.GetInt32(0), reader.GetInt32(2));
        }

        var (expired, _) = await ExpiryOrder.DueAsync(connection, transaction, campaignId, last, TimeSpan.Zero, now, Step);
        if (expired.Count == 0)
        {
            return new Recycling(0, stock, Finished: false);
        }

        // Unused: never redeemed, and gift cards never spent from.
        var unused = expired.Select(e => e.Coupon).Where(c => !c.Used && c.Balance is null).Select(c => c.CouponId).ToArray();
        await using var recycle = new NpgsqlCommand(
            """
            WITH recycled AS (
                INSERT INTO recycled_coupons (coupon_id, campaign_id, recycled_at)
                SELECT coupon_id, $2, $3 FROM unnest($1::uuid[]) AS coupon_id
                ON CONFLICT (coupon_id) DO NOTHING
                RETURNING 1
            ), progress AS (
                INSERT INTO recycle_progress (campaign_id, last_seq) VALUES ($2, $4)
                ON CONFLICT (campaign_id) DO UPDATE SET last_seq = excluded.last_seq
            )
            UPDATE campaign_stock SET recycled = recycled + (SELECT count(*) FROM recycled)
             WHERE campaign_id = $2
            RETURNING total_stock + recycled, (SELECT count(*) FROM recycled)::integer
            """, connection, transaction);
        recycle.Parameters.Add(new() { Value = unused });
        recycle.Parameters.Add(new() { Value = campaignId });
        recycle.Parameters.Add(new() { Value = now });
        recycle.Parameters.Add(new() { Value = expired[^1].Seq });
        int recycledNow;
        await using (var reader = await recycle.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            (stock, recycledNow) = (reader.GetInt32(0), reader.GetInt32(1));
        }

        await transaction.CommitAsync();
        return new Recycling(recycledNow, stock, Finished: false);
    }
}
