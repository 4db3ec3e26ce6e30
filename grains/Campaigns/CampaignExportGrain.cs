using System.Runtime.CompilerServices;
using FlashSale.GrainInterfaces.Campaigns;
using Npgsql;

namespace FlashSale.Grains.Campaigns;

/// <summary>Reads the ledger with one query whose rows are handed on as they arrive: memory stays flat however big the campaign.</summary>
[StatelessWorker]
public sealed class CampaignExportGrain(NpgsqlDataSource database) : Grain, ICampaignExportGrain
{
    public async IAsyncEnumerable<LedgerRow> Coupons(Guid campaignId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            """
            SELECT c.seq, c.coupon_id, c.shopper_id, c.device_id, c.issued_at, c.expires_at, c.holder_id,
                   coalesce(u.uses, 0), coalesce(u.discount, 0)
              FROM coupons c
              LEFT JOIN LATERAL (
                   SELECT count(*)::integer AS uses, sum(r.discount) AS discount
                     FROM redemptions r WHERE r.coupon_id = c.coupon_id AND r.refunded_at IS NULL) u ON true
             WHERE c.campaign_id = $1
             ORDER BY c.seq
            """);
        command.Parameters.Add(new() { Value = campaignId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new LedgerRow(reader.GetInt32(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetInt32(7), reader.GetDecimal(8));
        }
    }
}
