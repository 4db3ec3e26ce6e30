using System.Data;
using FlashSale.GrainInterfaces.Campaigns;
using Npgsql;
using NpgsqlTypes;

namespace FlashSale.Grains.Ledger;

/// <summary>
/// What a campaign grain reads of its ledger: its counters on activation, then only the shoppers it
/// meets, by index, so that an activation costs the same whatever the campaign has issued.
/// </summary>
public sealed partial class CouponLedger
{
    /// <summary>The campaign's counters, read in one statement (so they agree); null when it has no counter row.</summary>
    public async Task<LedgerSnapshot?> LoadAsync(Guid campaignId)
    {
        await using var command = database.CreateCommand(
            """
            SELECT s.total_stock + s.recycled AS total_stock, s.per_user_limit, s.issued, s.paused, s.draft,
                   s.orders_paid, s.orders_lapsed, s.refunds_returned,
                   -- An explicit end closed the ledger: the sale is over now, whatever end it planned.
                   CASE WHEN s.closed THEN least(s.ends_at, now()) ELSE s.ends_at END AS ends_at,
                   (SELECT c.issued_at FROM coupons c WHERE c.campaign_id = s.campaign_id AND c.seq = s.issued) AS last_issued_at,
                   (SELECT count(*) FROM coupon_transfers t WHERE t.campaign_id = s.campaign_id AND t.counted) AS receipts
              FROM campaign_stock s WHERE s.campaign_id = @campaignId
            """);
        command.Parameters.Add(new("campaignId", campaignId));
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        return new LedgerSnapshot(
            reader.GetInt32("total_stock"),
            reader.GetInt32("per_user_limit"),
            reader.GetInt32("issued"),
            reader.IsDBNull("last_issued_at") ? null : reader.GetFieldValue<DateTimeOffset>("last_issued_at"),
            reader.GetInt64("receipts"),
            reader.GetBoolean("paused"),
            reader.IsDBNull("ends_at") ? null : reader.GetFieldValue<DateTimeOffset>("ends_at"),
            reader.GetBoolean("draft"),
            new SaleCounts(reader.GetInt32("orders_paid"), reader.GetInt32("orders_lapsed"), reader.GetInt32("refunds_returned")));
    }

    /// <summary>
    /// These shoppers' coupons on the campaign (each shopper's in slot order) and their counted
    /// receipts, in one round trip through the (campaign, shopper, slot) index.
    /// </summary>
    public async Task<LedgerShoppers> ReadShoppersAsync(Guid campaignId, IReadOnlyCollection<string> shopperIds)
    {
        var ids = shopperIds.ToArray();
        await using var connection = await lookups.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Of(
                    """
                    SELECT coupon_id, shopper_id, idempotency_key, CASE WHEN holder_id IS NULL THEN code END AS code, issued_at, expires_at
                      FROM coupons WHERE campaign_id = @campaignId AND shopper_id = ANY(@shopperIds) ORDER BY shopper_id, shopper_slot
                    """),
                Of(
                    """
                    SELECT to_shopper, count(*) AS received FROM coupon_transfers
                     WHERE campaign_id = @campaignId AND counted AND to_shopper = ANY(@shopperIds) GROUP BY to_shopper
                    """),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync();
        var coupons = new List<LedgerCoupon>();
        while (await reader.ReadAsync())
        {
            coupons.Add(new LedgerCoupon(
                reader.GetGuid("coupon_id"),
                reader.GetString("shopper_id"),
                reader.GetString("idempotency_key"),
                reader.IsDBNull("code") ? null : reader.GetString("code"),
                reader.GetFieldValue<DateTimeOffset>("issued_at"),
                reader.GetFieldValue<DateTimeOffset>("expires_at")));
        }

        await reader.NextResultAsync();
        var received = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            received[reader.GetString("to_shopper")] = (int)reader.GetInt64("received");
        }

        return new LedgerShoppers(coupons, received);

        NpgsqlBatchCommand Of(string sql) => new(sql)
        {
            Parameters =
            {
                new("campaignId", campaignId),
                new("shopperIds", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = ids },
            },
        };
    }

    /// <summary>
    /// Every shopper with a coupon of the campaign, once each, then every shopper with a counted
    /// receipt, streamed to <paramref name="holder"/> as read. Returns how many of them claimed one of
    /// its first <paramref name="upToSeq"/> coupons: the campaign's claimants as of that coupon.
    /// </summary>
    public async Task<int> ReadHoldersAsync(Guid campaignId, int upToSeq, Action<string> holder)
    {
        await using var connection = await lookups.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                // A shopper's first coupon is in slot 1: one row per claimant.
                new("SELECT shopper_id, seq <= @upToSeq AS counted FROM coupons WHERE campaign_id = @campaignId AND shopper_slot = 1")
                {
                    Parameters = { new("campaignId", campaignId), new("upToSeq", upToSeq) },
                },
                new("SELECT DISTINCT to_shopper FROM coupon_transfers WHERE campaign_id = @campaignId AND counted")
                {
                    Parameters = { new("campaignId", campaignId) },
                },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync();
        var claimants = 0;
        while (await reader.ReadAsync())
        {
            holder(reader.GetString(0));
            claimants += reader.GetBoolean(1) ? 1 : 0;
        }

        await reader.NextResultAsync();
        while (await reader.ReadAsync())
        {
            holder(reader.GetString(0));
        }

        return claimants;
    }
}
