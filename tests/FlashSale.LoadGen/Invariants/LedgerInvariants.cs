using FlashSale.LoadGen.Load;
using FlashSale.LoadGen.Setup;
using Npgsql;

namespace FlashSale.LoadGen.Invariants;

/// <summary>
/// After the run, what FlashSale's PostgreSQL ledger (campaign_stock, coupons) says about the campaigns
/// used, checked against the promises: never oversold, counter and rows agree, sold out means all
/// issued, limits kept, one coupon per key, and every coupon a shopper was told about really committed.
/// </summary>
public static class LedgerInvariants
{
    public static async Task<(IReadOnlyList<InvariantCheck> Checks, IReadOnlyList<CampaignLedger> Campaigns)> CheckAsync(
        string connectionString, IReadOnlyList<Guid> campaignIds, AcknowledgedClaims acknowledged, ShopperPool shoppers, IdempotencyKeys keys)
    {
        await using var database = NpgsqlDataSource.Create(connectionString);
        var campaigns = await ReadCampaignsAsync(database, campaignIds, acknowledged);
        var missing = campaignIds.Except(campaigns.Select(c => c.CampaignId)).ToList();
        var duplicateKeys = await CountDuplicateKeysAsync(database, campaignIds);
        var claims = acknowledged.ToList();
        var notInLedger = await CountNotInLedgerAsync(database, campaignIds, claims, shoppers, keys);
        var acknowledgedTwice = claims.Count - claims.Select(c => c.CouponId).Distinct().Count();

        return (
        [
            Check("every campaign used has a ledger row", missing.Count == 0,
                missing.Count == 0 ? $"{campaigns.Count} campaign(s)" : $"no campaign_stock row for {string.Join(", ", missing)}"),
            PerCampaign("issued counter equals coupon rows", campaigns, c => c.Issued == c.CouponRows,
                c => $"{c.CampaignId}: issued {c.Issued}, {c.CouponRows} rows"),
            PerCampaign("never oversold: coupon rows within stock", campaigns, c => c.CouponRows <= c.TotalStock,
                c => $"{c.CampaignId}: {c.CouponRows} rows, stock {c.TotalStock}"),
            PerCampaign("sold out was said only when every coupon was issued", campaigns, c => !c.SoldOutSeen || c.CouponRows == c.TotalStock,
                c => $"{c.CampaignId}: sold_out answered, yet {c.CouponRows} rows of {c.TotalStock}"),
            PerCampaign("no shopper above the per-user limit", campaigns, c => c.MostHeldByOneShopper <= c.PerUserLimit,
                c => $"{c.CampaignId}: a shopper holds {c.MostHeldByOneShopper}, limit {c.PerUserLimit}"),
            Check("no (shopper, idempotency key) holds two coupons", duplicateKeys == 0, $"{duplicateKeys} key(s) with more than one coupon"),
            Check("every acknowledged coupon is in the ledger, once", notInLedger == 0 && acknowledgedTwice == 0,
                $"{claims.Count:N0} acknowledged; {notInLedger} missing or with another shopper, campaign or key; {acknowledgedTwice} acknowledged twice"),
        ], campaigns);
    }

    private static InvariantCheck Check(string name, bool passed, string detail) => new(name, passed, detail);

    private static InvariantCheck PerCampaign(string name, IReadOnlyList<CampaignLedger> campaigns, Func<CampaignLedger, bool> holds, Func<CampaignLedger, string> describe)
    {
        var broken = campaigns.Where(c => !holds(c)).ToList();
        return new InvariantCheck(name, broken.Count == 0,
            broken.Count == 0 ? $"holds for {campaigns.Count} campaign(s)" : string.Join("; ", broken.Take(5).Select(describe)));
    }

    private static async Task<List<CampaignLedger>> ReadCampaignsAsync(NpgsqlDataSource database, IReadOnlyList<Guid> campaignIds, AcknowledgedClaims acknowledged)
    {
        await using var command = database.CreateCommand(
            """
            SELECT s.campaign_id, s.total_stock, s.per_user_limit, s.issued,
                   (SELECT count(*) FROM coupons c WHERE c.campaign_id = s.campaign_id),
                   (SELECT coalesce(max(held), 0) FROM (SELECT count(*) AS held FROM coupons c
                     WHERE c.campaign_id = s.campaign_id GROUP BY c.shopper_id) per_shopper)
              FROM campaign_stock s
             WHERE s.campaign_id = ANY($1)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = campaignIds.ToArray() });
        var index = campaignIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var campaigns = new List<CampaignLedger>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var id = reader.GetGuid(0);
            campaigns.Add(new CampaignLedger(id, reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt64(4), reader.GetInt64(5),
                acknowledged.SoldOutSeen(index[id])));
        }

        return campaigns.OrderBy(c => index[c.CampaignId]).ToList();
    }

    private static async Task<long> CountDuplicateKeysAsync(NpgsqlDataSource database, IReadOnlyList<Guid> campaignIds)
    {
        await using var command = database.CreateCommand(
            """
            SELECT count(*) FROM (SELECT 1 FROM coupons WHERE campaign_id = ANY($1)
                                   GROUP BY shopper_id, idempotency_key HAVING count(*) > 1) duplicated
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = campaignIds.ToArray() });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Acknowledged coupons with no row of the same id, campaign, shopper and key: a yes that did not commit.</summary>
    private static async Task<long> CountNotInLedgerAsync(
        NpgsqlDataSource database, IReadOnlyList<Guid> campaignIds, IReadOnlyList<AcknowledgedClaim> claims, ShopperPool shoppers, IdempotencyKeys keys)
    {
        await using var command = database.CreateCommand(
            """
            SELECT count(*)
              FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[]) AS told (coupon_id, campaign_id, shopper_id, idempotency_key)
             WHERE NOT EXISTS (SELECT 1 FROM coupons c
                                WHERE c.coupon_id = told.coupon_id AND c.campaign_id = told.campaign_id
                                  AND c.shopper_id = told.shopper_id AND c.idempotency_key = told.idempotency_key)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = claims.Select(c => c.CouponId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = claims.Select(c => campaignIds[c.Campaign]).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = claims.Select(c => shoppers.Id(c.Shopper)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = claims.Select(c => keys.Of(c.KeySequence)).ToArray() });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
