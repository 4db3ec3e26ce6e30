using System.Collections.Immutable;
using FlashSale.GrainInterfaces;
using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Wallet;
using FlashSale.Grains.Campaigns;
using FlashSale.Grains.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace FlashSale.Grains.Wallet;

/// <summary>
/// Reads wallets and gives coupons away (silo/Database/Migrations/V012__wallet.sql); uses on orders
/// are the <see cref="OrderBook"/>'s. Every change runs in one transaction that first locks the
/// coupon's row, so that racing uses, refunds and transfers of one coupon take turns whichever
/// grains or silos they come from; the tables' constraints and triggers hold even if they did not.
/// </summary>
public sealed class WalletStore(NpgsqlDataSource database, [FromKeyedServices(CouponLedger.Lookups)] NpgsqlDataSource lookups)
{
    // Columns every coupon query reads, in this order (see ReadCoupon).
    internal const string CouponColumns =
        """
        c.coupon_id, c.code, c.campaign_id, coalesce(s.campaign_name, ''), s.terms::text, c.issued_at, c.expires_at,
        c.balance, s.stackable, coalesce(c.holder_id, c.shopper_id) AS holder, s.transfer_rule, s.per_user_limit,
        EXISTS (SELECT 1 FROM redemptions r
                 WHERE r.coupon_id = c.coupon_id AND r.single_use AND (r.refunded_at IS NULL OR r.kind = 'points_card')) AS used,
        s.merchant_id, s.card_secrets
        """;

    // The coupons shopper $1 holds: claimed and kept, or received.
    private const string HeldBy = "(c.shopper_id = $1 AND c.holder_id IS NULL) OR c.holder_id = $1";

    public async Task<WalletPage> ListAsync(string shopperId, WalletQuery query, DateTimeOffset now)
    {
        await using var command = lookups.CreateCommand(
            $"""
            WITH held AS (
                SELECT c.* FROM coupons c WHERE {HeldBy}
            ), given AS (
                SELECT c.* FROM coupons c
                 WHERE c.coupon_id IN (SELECT coupon_id FROM coupon_transfers WHERE from_shopper = $1)
                   AND coalesce(c.holder_id, c.shopper_id) <> $1
            )
            SELECT * FROM (
                SELECT {CouponColumns}, false AS given FROM held c JOIN campaign_stock s USING (campaign_id)
                UNION ALL
                SELECT {CouponColumns}, true AS given FROM given c JOIN campaign_stock s USING (campaign_id)
            ) AS wallet
             WHERE ($2::timestamptz IS NULL OR (issued_at, coupon_id) < ($2, $3))
             ORDER BY issued_at DESC, coupon_id DESC
            """);
        command.Parameters.Add(new() { Value = shopperId });
        command.Parameters.Add(new() { Value = (object?)query.After?.At ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = query.After?.Id ?? Guid.Empty });

        // The status depends on the clock, so it is worked out here; a wallet holds hundreds of coupons, not millions.
        var coupons = ImmutableArray.CreateBuilder<WalletCoupon>();
        PagePosition? next = null;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = ReadCoupon(reader);
            var status = reader.GetBoolean(15) ? CouponStatus.Transferred : row.StatusAt(now);
            if (query.Status is { } wanted && status != wanted)
            {
                continue;
            }

            if (coupons.Count == query.Limit)
            {
                var last = coupons[^1];
                next = new PagePosition(last.IssuedAt, last.CouponId);
                break;
            }

            coupons.Add(row.ToWallet(status));
        }

        return new WalletPage(coupons.ToImmutable(), next);
    }

    /// <summary>The shopper's coupons that can be used now.</summary>
    public async Task<List<CouponRow>> AvailableAsync(string shopperId, DateTimeOffset now)
    {
        await using var command = lookups.CreateCommand(
            $"SELECT {CouponColumns} FROM coupons c JOIN campaign_stock s USING (campaign_id) WHERE {HeldBy}");
        command.Parameters.Add(new() { Value = shopperId });
        var rows = new List<CouponRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (ReadCoupon(reader) is { } row && row.StatusAt(now) == CouponStatus.Available)
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    /// <summary>
    /// Gives the coupon from <paramref name="fromShopper"/> to <paramref name="toShopper"/> if its
    /// campaign allows it and it is still usable. On within-limit campaigns the recipient's claims
    /// and counted receipts are checked against the per-user limit here too, under a lock per
    /// recipient and campaign.
    /// </summary>
    public async Task<TransferResult> TransferAsync(Guid couponId, string fromShopper, string toShopper, DateTimeOffset now)
    {
        // To the microsecond, as PostgreSQL keeps it: a replay answers the time it reads back.
        now = new DateTimeOffset(now.Ticks - now.Ticks % 10, now.Offset);
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var row = await LockAsync(connection, transaction, CouponRef.Held(couponId, fromShopper));
        if (row is null || row.Holder != fromShopper)
        {
            return await EarlierTransferAsync(connection, transaction, couponId, fromShopper, toShopper)
                ?? new TransferResult(TransferOutcome.NotFound);
        }

        // A card secret cannot be rotated, and the giver may have revealed it (M4).
        var refusal = row.Transfer == TransferRule.None || row.CardSecrets ? TransferOutcome.NotTransferable
            : row.StatusAt(now) == CouponStatus.Redeemed ? TransferOutcome.AlreadyRedeemed
            : row.StatusAt(now) == CouponStatus.Expired ? TransferOutcome.Expired
            : (TransferOutcome?)null;
        if (refusal is { } refused)
        {
            return new TransferResult(refused);
        }

        var counted = row.Transfer == TransferRule.WithinLimit;
        if (counted && await HoldingsAsync(connection, transaction, row.CampaignId, toShopper) >= row.PerUserLimit)
        {
            return new TransferResult(TransferOutcome.RecipientLimitReached);
        }

        await using var give = new NpgsqlCommand(
            """
            WITH moved AS (UPDATE coupons SET holder_id = $2, code = $8 WHERE coupon_id = $1)
            INSERT INTO coupon_transfers (transfer_id, coupon_id, campaign_id, from_shopper, to_shopper, transferred_at, counted)
            VALUES ($3, $1, $4, $5, $2, $6, $7)
            """, connection, transaction);
        give.Parameters.Add(new() { Value = couponId });
        give.Parameters.Add(new() { Value = toShopper });
        give.Parameters.Add(new() { Value = Guid.CreateVersion7(now) });
        give.Parameters.Add(new() { Value = row.CampaignId });
        give.Parameters.Add(new() { Value = fromShopper });
        give.Parameters.Add(new() { Value = now });
        give.Parameters.Add(new() { Value = counted });
        // A new code: the giver has seen the old one, and a merchant redeems by code.
        give.Parameters.Add(new() { Value = CouponCodes.New() });
        await give.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return new TransferResult(TransferOutcome.Transferred, now);
    }

    /// <summary>
    /// The same transfer asked again, by a giver who lost the first answer: the coupon's last move
    /// was from this giver to this recipient, who still holds it. Answered as it was (the giver
    /// learns no more than the first time); null when it is not one.
    /// </summary>
    public async Task<TransferResult?> EarlierTransferAsync(Guid couponId, string fromShopper, string toShopper)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await EarlierTransferAsync(connection, null, couponId, fromShopper, toShopper);
    }

    private static async Task<TransferResult?> EarlierTransferAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction,
        Guid couponId, string fromShopper, string toShopper)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT t.transferred_at
              FROM coupons c
              CROSS JOIN LATERAL (SELECT from_shopper, to_shopper, transferred_at FROM coupon_transfers
                                   WHERE coupon_id = c.coupon_id ORDER BY transferred_at DESC LIMIT 1) t
             WHERE c.coupon_id = @coupon AND c.holder_id = @to AND t.from_shopper = @from AND t.to_shopper = @to
            """, connection, transaction);
        command.Parameters.AddWithValue("coupon", couponId);
        command.Parameters.AddWithValue("from", fromShopper);
        command.Parameters.AddWithValue("to", toShopper);
        return await command.ExecuteScalarAsync() is DateTime at
            ? new TransferResult(TransferOutcome.Transferred, new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)))
            : null;
    }

    /// <summary>Who holds the coupon now; null when it does not exist.</summary>
    public async Task<string?> HolderOfAsync(Guid couponId)
    {
        await using var command = database.CreateCommand("SELECT coalesce(holder_id, shopper_id) FROM coupons WHERE coupon_id = $1");
        command.Parameters.Add(new() { Value = couponId });
        return await command.ExecuteScalarAsync() as string;
    }

    /// <summary>The coupon's campaign, for routing a transfer; null when it does not exist.</summary>
    public async Task<Guid?> CampaignOfAsync(Guid couponId)
    {
        await using var command = database.CreateCommand("SELECT campaign_id FROM coupons WHERE coupon_id = $1");
        command.Parameters.Add(new() { Value = couponId });
        return await command.ExecuteScalarAsync() as Guid?;
    }

    // Claims plus counted receipts: what a within-limit campaign counts against the per-user limit.
    // The advisory lock makes two transfers to one recipient on one campaign take turns.
    private static async Task<int> HoldingsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid campaignId, string shopperId)
    {
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended($1::text || '/' || $2, 0))", connection, transaction))
        {
            take.Parameters.Add(new() { Value = campaignId });
            take.Parameters.Add(new() { Value = shopperId });
            await take.ExecuteNonQueryAsync();
        }

        await using var count = new NpgsqlCommand(
            """
            SELECT (SELECT count(*) FROM coupons WHERE campaign_id = $1 AND shopper_id = $2)
                 + (SELECT count(*) FROM coupon_transfers WHERE campaign_id = $1 AND to_shopper = $2 AND counted)
            """, connection, transaction);
        count.Parameters.Add(new() { Value = campaignId });
        count.Parameters.Add(new() { Value = shopperId });
        return (int)(long)(await count.ExecuteScalarAsync())!;
    }

    internal static async Task<CouponRow?> LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CouponRef coupon)
    {
        // Lock first, then read: a statement that waited for the lock still sees the data of its own
        // start, which would miss the redemption the lock's previous holder just committed.
        var by = coupon.Code is null ? "coupon_id = $1" : "code = $1";
        await using var take = new NpgsqlCommand($"SELECT coupon_id FROM coupons WHERE {by} FOR UPDATE", connection, transaction);
        take.Parameters.Add(coupon.Code is null ? new NpgsqlParameter { Value = coupon.CouponId } : new NpgsqlParameter { Value = coupon.Code });
        if (await take.ExecuteScalarAsync() is not Guid couponId)
        {
            return null;
        }

        await using var read = new NpgsqlCommand(
            $"SELECT {CouponColumns} FROM coupons c JOIN campaign_stock s USING (campaign_id) WHERE c.coupon_id = $1",
            connection, transaction);
        read.Parameters.Add(new() { Value = couponId });
        await using var reader = await read.ExecuteReaderAsync();
        return await reader.ReadAsync() ? ReadCoupon(reader) : null;
    }

    /// <summary>A coupon from the <see cref="CouponColumns"/>, starting at column <paramref name="offset"/>.</summary>
    internal static CouponRow ReadCoupon(NpgsqlDataReader reader, int offset = 0) => new(
        reader.GetGuid(offset + 0),
        reader.GetString(offset + 1),
        reader.GetGuid(offset + 2),
        reader.GetString(offset + 3),
        TermsJson.Read(reader.GetString(offset + 4)),
        reader.GetFieldValue<DateTimeOffset>(offset + 5),
        reader.GetFieldValue<DateTimeOffset>(offset + 6),
        reader.IsDBNull(offset + 7) ? null : reader.GetDecimal(offset + 7),
        reader.GetBoolean(offset + 8),
        reader.GetString(offset + 9),
        TermsJson.ReadRule(reader.GetString(offset + 10)),
        reader.GetInt32(offset + 11),
        reader.GetBoolean(offset + 12),
        reader.GetString(offset + 13),
        reader.GetBoolean(offset + 14));
}

/// <summary>A coupon to act on: by id, held by a given shopper; or by its code, whoever holds it.</summary>
public sealed record CouponRef(Guid CouponId, string? Code, string? HolderId)
{
    public static CouponRef Held(Guid couponId, string holderId) => new(couponId, null, holderId);

    public static CouponRef ByCode(string code) => new(Guid.Empty, code, null);
}

