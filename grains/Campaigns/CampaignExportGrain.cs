using System.Runtime.CompilerServices;
using Dapper;
using FlashSale.GrainInterfaces.Campaigns;
using Npgsql;

namespace FlashSale.Grains.Campaigns;

/// <summary>Reads the ledger with one query whose rows are handed on as they arrive: memory stays flat however big the campaign.</summary>
[StatelessWorker]
public sealed class CampaignExportGrain(NpgsqlDataSource database) : Grain, ICampaignExportGrain
{
    public async IAsyncEnumerable<LedgerRow> Coupons(Guid campaignId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = database.CreateConnection();
        var rows = connection.QueryUnbufferedAsync<LedgerRow>(
            """
            SELECT c.seq, c.coupon_id, c.shopper_id, c.device_id, c.issued_at, c.expires_at, c.holder_id AS holder,
                   coalesce(u.uses, 0) AS uses, coalesce(u.discount, 0) AS discount
              FROM coupons c
              LEFT JOIN LATERAL (
                   SELECT count(*)::integer AS uses, sum(r.discount) AS discount
                     FROM redemptions r WHERE r.coupon_id = c.coupon_id AND r.refunded_at IS NULL) u ON true
             WHERE c.campaign_id = @campaignId
             ORDER BY c.seq
            """,
            new { campaignId });
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }
}
