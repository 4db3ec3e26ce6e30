using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Risk;
using FlashSale.Grains.Campaigns;

namespace FlashSale.Grains.Ledger;

/// <summary>Reads and writes the coupon ledger tables (silo/Database/Schema/010-flashsale-ledger.sql).</summary>
/// <param name="database">Connections that prepare the statements they repeat.</param>
/// <param name="lookups">
/// Connections that do not: the limit counters' lookups by shopper or device. A prepared statement's
/// generic plan is made while the coupons table is still small, and then scans it whole once it is not.
/// </param>
public sealed class CouponLedger(NpgsqlDataSource database, [FromKeyedServices(CouponLedger.Lookups)] NpgsqlDataSource lookups)
{
    public const string Lookups = "ledger-lookups";

    /// <summary>
    /// Creates the campaign's counter row, with what wallets show of it, and the audit of its
    /// creation; false when it already exists.
    /// </summary>
    public async Task<bool> CreateStockAsync(CampaignDefinition campaign, bool draft)
    {
        await using var command = database.CreateCommand(
            """
            WITH created AS (
                INSERT INTO campaign_stock (campaign_id, total_stock, per_user_limit, campaign_name, terms, transfer_rule, stackable,
                                            remind_before, ends_at, card_secrets, recycle_expired, starts_at, draft, price_points, early_access,
                                            parent_id, merchant_id)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $16, $17, $18, $19, $20)
                ON CONFLICT (campaign_id) DO NOTHING
                RETURNING campaign_id)
            INSERT INTO campaign_changes (campaign_id, changed_at, actor, action, details)
            SELECT campaign_id, $13, $14, 'created', $15 FROM created
            """);
        command.Parameters.Add(new() { Value = campaign.Id });
        AddCampaignColumns(command, campaign);
        command.Parameters.Add(new() { Value = campaign.CreatedAt });
        command.Parameters.Add(new() { Value = campaign.CreatedBy });
        command.Parameters.Add(CampaignChangeLog.CreationDetails(campaign, draft));
        command.Parameters.Add(new() { Value = draft });
        AddListingColumns(command, campaign);
        command.Parameters.Add(new() { Value = campaign.Merchant });
        return await command.ExecuteNonQueryAsync() == 1;
    }

    /// <summary>The three last parameters: what lists show of the campaign beyond the counters (price in points, early access, its group).</summary>
    public static void AddListingColumns(NpgsqlCommand command, CampaignDefinition campaign)
    {
        command.Parameters.Add(new() { Value = campaign.Price is { Points: > 0 } price ? price.Points : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new()
        {
            Value = System.Text.Json.JsonSerializer.Serialize(campaign.EarlyAccess.IsDefault ? [] : campaign.EarlyAccess.Select(e => new { tier = e.Tier, lead = e.Lead })),
            NpgsqlDbType = NpgsqlDbType.Jsonb,
        });
        command.Parameters.Add(new() { Value = (object?)campaign.ParentId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
    }

    /// <summary>Parameters $2 to $12: the campaign row's columns from its definition, as creation and edits write them.</summary>
    public static void AddCampaignColumns(NpgsqlCommand command, CampaignDefinition campaign)
    {
        command.Parameters.Add(new() { Value = campaign.TotalStock });
        command.Parameters.Add(new() { Value = campaign.PerUserLimit });
        command.Parameters.Add(new() { Value = campaign.Name });
        command.Parameters.Add(new() { Value = TermsJson.Write(campaign.Terms), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new() { Value = TermsJson.Write(campaign.UseOrDefault.Transfer) });
        command.Parameters.Add(new() { Value = campaign.UseOrDefault.Stackable });
        command.Parameters.Add(new() { Value = campaign.UseOrDefault.Reminders });
        command.Parameters.Add(new() { Value = campaign.EndsAt });
        command.Parameters.Add(new() { Value = campaign.CardSecrets });
        command.Parameters.Add(new() { Value = campaign.UseOrDefault.RecycleExpired });
        command.Parameters.Add(new() { Value = campaign.StartsAt });
    }

    /// <summary>The campaign's ledger, read in one snapshot; null when it has no counter row.</summary>
    public async Task<LedgerSnapshot?> LoadAsync(Guid campaignId)
    {
        await using var connection = await database.OpenConnectionAsync();
        // Repeatable read: the counter and the rows come from one snapshot, so they agree.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);

        await using var stock = new NpgsqlCommand(
            // An explicit end closed the ledger: the sale is over now, whatever end it planned.
            """
            SELECT total_stock + recycled, per_user_limit, issued, paused, CASE WHEN closed THEN least(ends_at, now()) ELSE ends_at END, draft
              FROM campaign_stock WHERE campaign_id = $1
            """,
            connection, transaction);
        stock.Parameters.Add(new() { Value = campaignId });
        int totalStock, perUserLimit, issued;
        bool paused, draft;
        DateTimeOffset? endsAt;
        await using (var reader = await stock.ExecuteReaderAsync())
        {
            if (!await reader.ReadAsync())
            {
                return null;
            }

            (totalStock, perUserLimit, issued, paused) = (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetBoolean(3));
            endsAt = reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4);
            draft = reader.GetBoolean(5);
        }

        await using var rows = new NpgsqlCommand(
            """
            SELECT coupon_id, shopper_id, idempotency_key, CASE WHEN holder_id IS NULL THEN code END, issued_at, expires_at
              FROM coupons WHERE campaign_id = $1 ORDER BY seq
            """,
            connection, transaction);
        rows.Parameters.Add(new() { Value = campaignId });
        var coupons = new List<LedgerCoupon>(issued);
        await using (var reader = await rows.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                coupons.Add(new LedgerCoupon(
                    reader.GetGuid(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetFieldValue<DateTimeOffset>(4),
                    reader.GetFieldValue<DateTimeOffset>(5)));
            }
        }

        await using var transfers = new NpgsqlCommand(
            "SELECT to_shopper, count(*) FROM coupon_transfers WHERE campaign_id = $1 AND counted GROUP BY to_shopper",
            connection, transaction);
        transfers.Parameters.Add(new() { Value = campaignId });
        var received = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var reader = await transfers.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                received[reader.GetString(0)] = (int)reader.GetInt64(1);
            }
        }

        await transaction.CommitAsync();
        return new LedgerSnapshot(totalStock, perUserLimit, issued, coupons, received, paused, endsAt, draft);
    }

    /// <summary>
    /// Commits a batch in one transaction and one round trip, or throws
    /// <see cref="LedgerConflictException"/> having written nothing.
    /// </summary>
    public async Task IssueAsync(Guid campaignId, int expectedIssued, IReadOnlyList<NewCoupon> batch, BatchLimits limits)
    {
        var count = batch.Count;
        var couponIds = new Guid[count];
        var shopperIds = new string[count];
        var slots = new int[count];
        var deviceIds = new string[count];
        var keys = new string[count];
        var codes = new string[count];
        var issuedAt = new DateTime[count];
        var expiresAt = new DateTime[count];
        var claimDays = new DateOnly[count];
        var daySlots = new int[count];
        var shopperBuckets = new short[count];
        var deviceSlots = new int?[count];
        var deviceDaySlots = new int?[count];
        var accountSlots = new int?[count];
        for (var i = 0; i < count; i++)
        {
            var coupon = batch[i];
            couponIds[i] = coupon.CouponId;
            shopperIds[i] = coupon.ShopperId;
            slots[i] = coupon.ShopperSlot;
            deviceIds[i] = coupon.DeviceId;
            keys[i] = coupon.IdempotencyKey;
            codes[i] = coupon.Code;
            issuedAt[i] = coupon.IssuedAt.UtcDateTime;
            expiresAt[i] = coupon.ExpiresAt.UtcDateTime;
            (claimDays[i], daySlots[i], deviceSlots[i], deviceDaySlots[i], accountSlots[i]) = coupon.Risk;
            shopperBuckets[i] = (short)LimitBuckets.Of(coupon.ShopperId);
        }

        await using var command = database.CreateCommand(
            "SELECT issue_coupons($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)");
        command.Parameters.Add(new() { Value = campaignId });
        command.Parameters.Add(new() { Value = expectedIssued });
        command.Parameters.Add(new() { Value = couponIds });
        command.Parameters.Add(new() { Value = shopperIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = slots });
        command.Parameters.Add(new() { Value = deviceIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = keys, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = codes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = issuedAt, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = expiresAt, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = claimDays, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date });
        command.Parameters.Add(new() { Value = daySlots });
        command.Parameters.Add(new() { Value = shopperBuckets });
        command.Parameters.Add(new() { Value = deviceSlots, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        command.Parameters.Add(new() { Value = deviceDaySlots, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        command.Parameters.Add(new() { Value = accountSlots, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        command.Parameters.Add(new() { Value = limits.DailyClaimCap });
        command.Parameters.Add(new() { Value = (object?)limits.ClaimsPerDevice ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new() { Value = (object?)limits.ClaimsPerDevicePerDay ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new() { Value = (object?)limits.AccountsPerDevice ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new() { Value = limits.PointsPrice });
        try
        {
            await command.ExecuteScalarAsync();
        }
        catch (PostgresException e) when (ConflictOf(e) is { } conflict)
        {
            throw new LedgerConflictException(conflict, e);
        }
    }

    /// <summary>Which of these (shopper, key) pairs already hold a coupon, and on which campaign.</summary>
    public async Task<IReadOnlyList<KeyOwner>> FindKeyOwnersAsync(IReadOnlyList<(string ShopperId, string Key)> pairs)
    {
        await using var command = database.CreateCommand(
            """
            SELECT c.shopper_id, c.idempotency_key, c.campaign_id
              FROM unnest($1::text[], $2::text[]) AS wanted (shopper_id, idempotency_key)
              JOIN coupons c USING (shopper_id, idempotency_key)
            """);
        command.Parameters.Add(new() { Value = pairs.Select(p => p.ShopperId).ToArray() });
        command.Parameters.Add(new() { Value = pairs.Select(p => p.Key).ToArray() });
        var owners = new List<KeyOwner>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            owners.Add(new KeyOwner(reader.GetString(0), reader.GetString(1), reader.GetGuid(2)));
        }

        return owners;
    }

    /// <summary>The day slots taken in the ledger on these days by the shoppers of one counter bucket.</summary>
    public Task<List<(string ShopperId, DateOnly Day, int Slot)>> LoadBucketDaySlotsAsync(int bucket, DateOnly[] days) =>
        ReadDaySlotsAsync(
            "SELECT shopper_id, claim_day, day_slot FROM coupons WHERE claim_day = ANY($1) AND shopper_bucket = $2",
            new NpgsqlParameter { Value = days }, new NpgsqlParameter { Value = (short)bucket });

    /// <summary>The day slots taken in the ledger on these days by these shoppers.</summary>
    public Task<List<(string ShopperId, DateOnly Day, int Slot)>> LoadDaySlotsAsync(IReadOnlyList<string> shopperIds, DateOnly[] days) =>
        ReadDaySlotsAsync(
            "SELECT shopper_id, claim_day, day_slot FROM coupons WHERE claim_day = ANY($1) AND shopper_bucket = ANY($2) AND shopper_id = ANY($3)",
            new NpgsqlParameter { Value = days },
            new NpgsqlParameter { Value = shopperIds.Select(id => (short)LimitBuckets.Of(id)).Distinct().ToArray() },
            new NpgsqlParameter { Value = shopperIds.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });

    private async Task<List<(string ShopperId, DateOnly Day, int Slot)>> ReadDaySlotsAsync(string sql, params NpgsqlParameter[] parameters)
    {
        await using var command = lookups.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        var slots = new List<(string, DateOnly, int)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            slots.Add((reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetInt32(2)));
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
            SELECT shopper_id, balance, NULL::uuid FROM points_accounts WHERE shopper_id = ANY($1)
            UNION ALL
            SELECT NULL, NULL, coupon_id FROM points_entries WHERE coupon_id = ANY($2) AND reason = 'claim'
            """);
        command.Parameters.Add(new() { Value = shopperIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = couponIds });
        var balances = new Dictionary<string, long>(StringComparer.Ordinal);
        var debited = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (reader.IsDBNull(2))
            {
                balances[reader.GetString(0)] = reader.GetInt64(1);
            }
            else
            {
                debited.Add(reader.GetGuid(2));
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
              FROM coupons WHERE device_id = ANY($1) AND device_day_slot IS NOT NULL
            """);
        command.Parameters.Add(new() { Value = deviceIds.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        var coupons = new List<DeviceCoupon>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            coupons.Add(new DeviceCoupon(reader.GetString(0), reader.GetGuid(1), reader.GetString(2), reader.GetFieldValue<DateOnly>(3),
                reader.GetInt32(4), reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetInt32(6)));
        }

        return coupons;
    }

    private static LedgerConflict? ConflictOf(PostgresException e) => e.SqlState switch
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
