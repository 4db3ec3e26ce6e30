using Dapper;
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
        var campaign = await connection.QueryFirstOrDefaultAsync<RecycleState>(
            """
            SELECT s.total_stock + s.recycled AS stock, s.recycle_expired AND s.ends_at > @now AS recycling,
                   coalesce((SELECT last_seq FROM recycle_progress p WHERE p.campaign_id = s.campaign_id), 0) AS last_seq
              FROM campaign_stock s WHERE s.campaign_id = @campaignId
            """,
            new { campaignId, now }, transaction);
        if (campaign is not { Recycling: true })
        {
            return new Recycling(0, 0, Finished: true);
        }

        var (expired, _) = await ExpiryOrder.DueAsync(connection, transaction, campaignId, campaign.LastSeq, TimeSpan.Zero, now, Step);
        if (expired.Count == 0)
        {
            return new Recycling(0, campaign.Stock, Finished: false);
        }

        // Unused: never redeemed, and gift cards never spent from.
        var unused = expired.Select(e => e.Coupon).Where(c => !c.Used && c.Balance is null).Select(c => c.CouponId).ToArray();
        var recycled = await connection.QuerySingleAsync<RecycleStep>(
            """
            WITH recycled AS (
                INSERT INTO recycled_coupons (coupon_id, campaign_id, recycled_at)
                SELECT coupon_id, @campaignId, @now FROM unnest(@unused::uuid[]) AS coupon_id
                ON CONFLICT (coupon_id) DO NOTHING
                RETURNING 1
            ), progress AS (
                INSERT INTO recycle_progress (campaign_id, last_seq) VALUES (@campaignId, @lastSeq)
                ON CONFLICT (campaign_id) DO UPDATE SET last_seq = excluded.last_seq
            )
            UPDATE campaign_stock SET recycled = recycled + (SELECT count(*) FROM recycled)
             WHERE campaign_id = @campaignId
            RETURNING total_stock + recycled AS stock, (SELECT count(*) FROM recycled)::integer AS recycled
            """,
            new { unused, campaignId, now, lastSeq = expired[^1].Seq }, transaction);
        await transaction.CommitAsync();
        return new Recycling(recycled.Recycled, recycled.Stock, Finished: false);
    }

    private sealed record RecycleState(int Stock, bool Recycling, int LastSeq);

    private sealed record RecycleStep(int Stock, int Recycled);
}
