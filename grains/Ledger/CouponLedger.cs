using System.Data;
using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Risk;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace FlashSale.Grains.Ledger;

/// <summary>
/// Reads and writes the coupon ledger tables (silo/Database/Schema/010-flashsale-ledger.sql): the
/// claim's hot path. Plain Npgsql here, not Dapper: named parameters with the types the function
/// and the indexes expect, columns read by name with no mapping layer (see <see cref="Sql.SqlConventions"/>).
/// </summary>
/// <param name="database">Connections that prepare the statements they repeat.</param>
/// <param name="lookups">
/// Connections that do not: the limit counters' lookups by shopper or device. A prepared statement's
/// generic plan is made while the coupons table is still small, and then scans it whole once it is not.
/// </param>
public sealed partial class CouponLedger(NpgsqlDataSource database, [FromKeyedServices(CouponLedger.Lookups)] NpgsqlDataSource lookups) : IClaimWrites
{
    public const string Lookups = "ledger-lookups";

    /// <summary>
    /// Commits one campaign's batch in one transaction and one round trip, or throws
    /// <see cref="LedgerConflictException"/> having written nothing.
    /// </summary>
    public async Task IssueAsync(CampaignBatch batch)
    {
        var claims = new ClaimColumns(batch.Coupons.Count);
        foreach (var coupon in batch.Coupons)
        {
            claims.Add(coupon);
        }

        // The function's arguments by name on both sides: one added to issue_coupons moves no other.
        // Measured against the positional statement it replaced: no difference in a commit's time
        // beyond the machine's noise (BENCHMARKS.md, "Named parameters on the group commit").
        await using var command = database.CreateCommand(
            $"""
            SELECT issue_coupons(
                p_campaign_id => @campaignId, p_expected_issued => @expectedIssued, {ClaimColumns.Arguments},
                p_daily_cap => @dailyCap, p_device_limit => @deviceLimit, p_device_day_limit => @deviceDayLimit,
                p_account_limit => @accountLimit, p_points_price => @pointsPrice)
            """);
        var parameters = command.Parameters;
        var limits = batch.Limits;
        parameters.AddWithValue("campaignId", batch.CampaignId);
        parameters.AddWithValue("expectedIssued", batch.ExpectedIssued);
        claims.AddTo(parameters);
        parameters.AddWithValue("dailyCap", limits.DailyClaimCap);
        parameters.AddWithValue("deviceLimit", NpgsqlDbType.Integer, (object?)limits.ClaimsPerDevice ?? DBNull.Value);
        parameters.AddWithValue("deviceDayLimit", NpgsqlDbType.Integer, (object?)limits.ClaimsPerDevicePerDay ?? DBNull.Value);
        parameters.AddWithValue("accountLimit", NpgsqlDbType.Integer, (object?)limits.AccountsPerDevice ?? DBNull.Value);
        parameters.AddWithValue("pointsPrice", limits.PointsPrice);
        try
        {
            await command.ExecuteScalarAsync();
        }
        catch (PostgresException e) when (ConflictOf(e) is { } conflict)
        {
            throw new LedgerConflictException(conflict, e);
        }
    }

    /// <summary>
    /// Commits the batches of several campaigns in one transaction and one round trip. A campaign
    /// whose fence refused (stale count, closed, a slot past its limit) is returned with why and
    /// nothing of it is written; the others are committed. A conflict found only by the write (a key,
    /// slot or code already taken, points short) throws <see cref="PostgresException"/> having written
    /// nothing of any campaign.
    /// </summary>
    public async Task<Dictionary<Guid, LedgerConflict>> IssueManyAsync(IReadOnlyList<CampaignBatch> batches)
    {
        var claims = new ClaimColumns(batches.Sum(b => b.Coupons.Count));
        var claimCampaigns = new List<int>();
        for (var position = 1; position <= batches.Count; position++)
        {
            foreach (var coupon in batches[position - 1].Coupons)
            {
                claims.Add(coupon);
                claimCampaigns.Add(position);
            }
        }

        await using var command = database.CreateCommand(
            $"""
            SELECT refused_campaign_id, refusal FROM issue_coupons_of_campaigns(
                p_campaign_ids => @campaignIds, p_campaign_expected_issued => @expectedIssued, p_campaign_daily_caps => @dailyCaps,
                p_campaign_device_limits => @deviceLimits, p_campaign_device_day_limits => @deviceDayLimits,
                p_campaign_account_limits => @accountLimits, p_campaign_points_prices => @pointsPrices,
                p_claim_campaigns => @claimCampaigns, {ClaimColumns.Arguments})
            """);
        var parameters = command.Parameters;
        parameters.AddWithValue("campaignIds", batches.Select(b => b.CampaignId).ToArray());
        parameters.AddWithValue("expectedIssued", batches.Select(b => b.ExpectedIssued).ToArray());
        parameters.AddWithValue("dailyCaps", batches.Select(b => b.Limits.DailyClaimCap).ToArray());
        parameters.AddWithValue("deviceLimits", NpgsqlDbType.Array | NpgsqlDbType.Integer, batches.Select(b => b.Limits.ClaimsPerDevice).ToArray());
        parameters.AddWithValue("deviceDayLimits", NpgsqlDbType.Array | NpgsqlDbType.Integer,
            batches.Select(b => b.Limits.ClaimsPerDevicePerDay).ToArray());
        parameters.AddWithValue("accountLimits", NpgsqlDbType.Array | NpgsqlDbType.Integer, batches.Select(b => b.Limits.AccountsPerDevice).ToArray());
        parameters.AddWithValue("pointsPrices", batches.Select(b => b.Limits.PointsPrice).ToArray());
        parameters.AddWithValue("claimCampaigns", claimCampaigns.ToArray());
        claims.AddTo(parameters);

        var refused = new Dictionary<Guid, LedgerConflict>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            refused[reader.GetGuid("refused_campaign_id")] = ConflictOf(reader.GetString("refusal")) ?? LedgerConflict.ConstraintViolated;
        }

        return refused;
    }

    /// <summary>Which of these (shopper, key) pairs already hold a coupon, and on which campaign.</summary>
    public async Task<IReadOnlyList<KeyOwner>> FindKeyOwnersAsync(IReadOnlyList<(string ShopperId, string Key)> pairs)
    {
        await using var command = database.CreateCommand(
            """
            SELECT c.shopper_id, c.idempotency_key, c.campaign_id
              FROM unnest(@shopperIds::text[], @keys::text[]) AS wanted (shopper_id, idempotency_key)
              JOIN coupons c USING (shopper_id, idempotency_key)
            """);
        command.Parameters.AddWithValue("shopperIds", pairs.Select(p => p.ShopperId).ToArray());
        command.Parameters.AddWithValue("keys", pairs.Select(p => p.Key).ToArray());
        var owners = new List<KeyOwner>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            owners.Add(new KeyOwner(reader.GetString("shopper_id"), reader.GetString("idempotency_key"), reader.GetGuid("campaign_id")));
        }

        return owners;
    }

    /// <summary>The day slots taken in the ledger on these days by the shoppers of one counter bucket.</summary>
    public Task<List<(string ShopperId, DateOnly Day, int Slot)>> LoadBucketDaySlotsAsync(int bucket, DateOnly[] days) =>
        ReadDaySlotsAsync(
            "SELECT shopper_id, claim_day, day_slot FROM coupons WHERE claim_day = ANY(@days) AND shopper_bucket = @bucket",
            new NpgsqlParameter("days", days), new NpgsqlParameter("bucket", (short)bucket));

    /// <summary>The day slots taken in the ledger on these days by these shoppers.</summary>
    public Task<List<(string ShopperId, DateOnly Day, int Slot)>> LoadDaySlotsAsync(IReadOnlyList<string> shopperIds, DateOnly[] days) =>
        ReadDaySlotsAsync(
            """
            SELECT shopper_id, claim_day, day_slot FROM coupons
             WHERE claim_day = ANY(@days) AND shopper_bucket = ANY(@buckets) AND shopper_id = ANY(@shopperIds)
            """,
            new NpgsqlParameter("days", days),
            new NpgsqlParameter("buckets", shopperIds.Select(id => (short)LimitBuckets.Of(id)).Distinct().ToArray()),
            new NpgsqlParameter("shopperIds", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = shopperIds.ToArray() });

    private async Task<List<(string ShopperId, DateOnly Day, int Slot)>> ReadDaySlotsAsync(string sql, params NpgsqlParameter[] parameters)
    {
        await using var command = lookups.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        var slots = new List<(string, DateOnly, int)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            slots.Add((reader.GetString("shopper_id"), reader.GetFieldValue<DateOnly>("claim_day"), reader.GetInt32("day_slot")));
        }

        return slots;
    }

    /// <summary>
    /// The shoppers' points balances, and which of these coupons already have their points debited,
    /// from one snapshot.
    /// </summary>
    public async Task<(Dictionary<string, long> Balances, HashSet<Guid> Debited)> LoadPointsAsync(string[] shopperIds, Guid[] couponIds)
    {
        await using var command = lookups.CreateCommand(
            """
            SELECT shopper_id, balance, NULL::uuid AS debited_coupon FROM points_accounts WHERE shopper_id = ANY(@shopperIds)
            UNION ALL
            SELECT NULL, NULL, coupon_id FROM points_entries WHERE coupon_id = ANY(@couponIds) AND reason = 'claim'
            """);
        command.Parameters.AddWithValue("shopperIds", NpgsqlDbType.Array | NpgsqlDbType.Text, shopperIds);
        command.Parameters.AddWithValue("couponIds", couponIds);
        var balances = new Dictionary<string, long>(StringComparer.Ordinal);
        var debited = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (reader.IsDBNull("debited_coupon"))
            {
                balances[reader.GetString("shopper_id")] = reader.GetInt64("balance");
            }
            else
            {
                debited.Add(reader.GetGuid("debited_coupon"));
            }
        }

        return (balances, debited);
    }

    /// <summary>The devices' coupon rows on campaigns that limit devices.</summary>
    public async Task<IReadOnlyList<DeviceCoupon>> LoadDeviceCouponsAsync(IReadOnlyList<string> deviceIds)
    {
        await using var command = lookups.CreateCommand(
            """
            SELECT device_id, campaign_id, shopper_id, claim_day, device_slot, device_day_slot, account_slot
              FROM coupons WHERE device_id = ANY(@deviceIds) AND device_day_slot IS NOT NULL
            """);
        command.Parameters.AddWithValue("deviceIds", NpgsqlDbType.Array | NpgsqlDbType.Text, deviceIds.ToArray());
        var coupons = new List<DeviceCoupon>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            coupons.Add(new DeviceCoupon(reader.GetString("device_id"), reader.GetGuid("campaign_id"), reader.GetString("shopper_id"),
                reader.GetFieldValue<DateOnly>("claim_day"), reader.GetInt32("device_slot"), reader.GetInt32("device_day_slot"),
                reader.IsDBNull("account_slot") ? null : reader.GetInt32("account_slot")));
        }

        return coupons;
    }

    /// <summary>The conflict a refusal of <c>issue_coupons</c> (raised) or <c>issue_coupons_of_campaigns</c> (returned) stands for.</summary>
    private static LedgerConflict? ConflictOf(PostgresException e) => ConflictOf(e.SqlState);

    private static LedgerConflict? ConflictOf(string sqlState) => sqlState switch
    {
        "FS001" => LedgerConflict.StaleCount,
        "FS002" => LedgerConflict.LimitExceeded,
        "FS003" => LedgerConflict.KeyTaken,
        "FS004" => LedgerConflict.ConstraintViolated,
        "FS005" => LedgerConflict.Closed,
        PostgresErrorCodes.CheckViolation or PostgresErrorCodes.UniqueViolation => LedgerConflict.ConstraintViolated,
        _ => null,
    };
}
