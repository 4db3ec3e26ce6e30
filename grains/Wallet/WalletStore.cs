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
/// Reads wallets and changes coupons (silo/Database/Schema/012-wallet.sql). Every change runs in one
/// transaction that first locks the coupon's row, so that racing redemptions, refunds and transfers
/// of one coupon take turns whichever grains or silos they come from; the tables' constraints hold
/// even if they did not.
/// </summary>
public sealed class WalletStore(NpgsqlDataSource database, [FromKeyedServices(CouponLedger.Lookups)] NpgsqlDataSource lookups)
{
    // Columns every coupon query reads, in this order (see ReadCoupon).
    internal const string CouponColumns =
        """
        c.coupon_id, c.code, c.campaign_id, coalesce(s.campaign_name, ''), s.terms::text, c.issued_at, c.expires_at,
        c.balance, s.stackable, coalesce(c.holder_id, c.shopper_id) AS holder, s.transfer_rule, s.per_user_limit,
        EXISTS (SELECT 1 FROM redemptions r WHERE r.coupon_id = c.coupon_id AND r.single_use AND r.refunded_at IS NULL) AS used
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
            var status = reader.GetBoolean(13) ? CouponStatus.Transferred : row.StatusAt(now);
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
    /// Redeems a coupon found by id (a shopper at checkout: only their own) or by code (a merchant).
    /// </summary>
    public async Task<RedeemResult> RedeemAsync(CouponRef coupon, string redeemedBy, OrderAmount order, DateTimeOffset now)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var row = await LockAsync(connection, transaction, coupon);
        if (row is null || (coupon.HolderId is { } holder && row.Holder != holder))
        {
            return new RedeemResult(RedeemOutcome.NotFound);
        }

        if (await FindRedemptionAsync(connection, transaction, row.CouponId, order.OrderId) is { } earlier)
        {
            var same = earlier.Use.Amount == order.Amount && earlier.Use.Currency == order.Currency && !earlier.Refunded;
            return same ? new RedeemResult(RedeemOutcome.Replayed, earlier.Use) : new RedeemResult(RedeemOutcome.OrderConflict);
        }

        if (Discounts.Refusal(row, order, now) is { } refusal)
        {
            return new RedeemResult(refusal);
        }

        var redemption = await UseAsync(connection, transaction, row, Discounts.Of(row, order.Amount), order, redeemedBy, now);
        await transaction.CommitAsync();
        return new RedeemResult(RedeemOutcome.Redeemed, redemption);
    }

    /// <summary>
    /// Redeems a set of the shopper's coupons on one order, all or none: discounts first, each
    /// against the order's amount and together never above it, then gift cards on what is left.
    /// Idempotent by order: a retry gets the order's redemptions again.
    /// </summary>
    public async Task<CheckoutResult> RedeemSetAsync(string holderId, IReadOnlyList<Guid> couponIds, OrderAmount order, DateTimeOffset now)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var earlier = await OrderRedemptionsAsync(connection, transaction, order.OrderId, holderId);
        if (earlier.Count > 0)
        {
            var same = earlier.All(e => !e.Refunded && e.Use.Amount == order.Amount && e.Use.Currency == order.Currency)
                && earlier.Select(e => e.Use.CouponId).ToHashSet().SetEquals(couponIds);
            return same
                ? new CheckoutResult(RedeemOutcome.Replayed, [.. earlier.Select(e => e.Use)])
                : new CheckoutResult(RedeemOutcome.OrderConflict, []);
        }

        // In id order, so that two checkouts sharing coupons cannot lock them crosswise.
        var rows = new List<CouponRow>();
        foreach (var couponId in couponIds.Order())
        {
            var row = await LockAsync(connection, transaction, CouponRef.Held(couponId, holderId));
            if (row is null || row.Holder != holderId)
            {
                return new CheckoutResult(RedeemOutcome.NotFound, [], couponId);
            }

            if (Discounts.Refusal(row, order, now) is { } refusal)
            {
                return new CheckoutResult(refusal, [], couponId);
            }

            rows.Add(row);
        }

        if (Combination.Clash(rows) is { } clash)
        {
            return new CheckoutResult(RedeemOutcome.NotStackable, [], clash.CouponId);
        }

        var uses = ImmutableArray.CreateBuilder<Redemption>(rows.Count);
        foreach (var (row, discount) in Combination.Apply(rows, order.Amount))
        {
            uses.Add(await UseAsync(connection, transaction, row, discount, order, holderId, now));
        }

        await transaction.CommitAsync();
        return new CheckoutResult(RedeemOutcome.Redeemed, uses.MoveToImmutable());
    }

    /// <summary>The coupons an order of this holder used, to answer a retried checkout.</summary>
    public async Task<List<Guid>> OrderCouponsAsync(string orderId, string holderId)
    {
        await using var command = database.CreateCommand("SELECT coupon_id FROM redemptions WHERE order_id = $1 AND holder_id = $2");
        command.Parameters.Add(new() { Value = orderId });
        command.Parameters.Add(new() { Value = holderId });
        var coupons = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            coupons.Add(reader.GetGuid(0));
        }

        return coupons;
    }

    // Records one use of a locked coupon; a gift card's balance goes down by the amount.
    internal static async Task<Redemption> UseAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CouponRow row, decimal discount,
        OrderAmount order, string redeemedBy, DateTimeOffset now)
    {
        decimal? balanceLeft = null;
        if (row.Terms.Kind == CouponKind.Giftcard)
        {
            balanceLeft = row.BalanceLeft - discount;
            await using var spend = new NpgsqlCommand("UPDATE coupons SET balance = $2 WHERE coupon_id = $1", connection, transaction);
            spend.Parameters.Add(new() { Value = row.CouponId });
            spend.Parameters.Add(new() { Value = balanceLeft });
            await spend.ExecuteNonQueryAsync();
        }

        var redemption = new Redemption(Guid.CreateVersion7(now), row.CouponId, order.OrderId, order.Amount, order.Currency, discount, balanceLeft, now);
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO redemptions (redemption_id, coupon_id, order_id, holder_id, redeemed_by, single_use, amount, currency, discount, redeemed_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            """, connection, transaction);
        insert.Parameters.Add(new() { Value = redemption.RedemptionId });
        insert.Parameters.Add(new() { Value = row.CouponId });
        insert.Parameters.Add(new() { Value = order.OrderId });
        insert.Parameters.Add(new() { Value = row.Holder });
        insert.Parameters.Add(new() { Value = redeemedBy });
        insert.Parameters.Add(new() { Value = row.Terms.Kind != CouponKind.Giftcard });
        insert.Parameters.Add(new() { Value = order.Amount });
        insert.Parameters.Add(new() { Value = order.Currency });
        insert.Parameters.Add(new() { Value = discount });
        insert.Parameters.Add(new() { Value = now });
        await insert.ExecuteNonQueryAsync();
        return redemption;
    }

    /// <summary>
    /// Cancels an order's standing redemptions that <paramref name="party"/> may cancel: single-use
    /// coupons become usable again (or expired), gift cards get their amount back.
    /// </summary>
    public async Task<RefundResult> RefundAsync(string orderId, RefundParty party, string refundedBy, DateTimeOffset now)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var column = party == RefundParty.Holder ? "holder_id" : "redeemed_by";
        await using var find = new NpgsqlCommand(
            $"""
            SELECT r.redemption_id, r.coupon_id, r.discount, r.single_use, r.refunded_at IS NOT NULL
              FROM redemptions r
             WHERE r.order_id = $1 AND r.{column} = $2
             ORDER BY r.coupon_id
               FOR UPDATE
            """, connection, transaction);
        find.Parameters.Add(new() { Value = orderId });
        find.Parameters.Add(new() { Value = refundedBy });
        var uses = new List<(Guid RedemptionId, Guid CouponId, decimal Discount, bool SingleUse, bool Refunded)>();
        await using (var reader = await find.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                uses.Add((reader.GetGuid(0), reader.GetGuid(1), reader.GetDecimal(2), reader.GetBoolean(3), reader.GetBoolean(4)));
            }
        }

        if (uses.Count == 0)
        {
            return new RefundResult(RefundOutcome.NotFound, []);
        }

        var standing = uses.Where(u => !u.Refunded).ToList();
        if (standing.Count == 0)
        {
            return new RefundResult(RefundOutcome.AlreadyRefunded, []);
        }

        var refunded = ImmutableArray.CreateBuilder<RefundedUse>(standing.Count);
        foreach (var use in standing)
        {
            await using var undo = new NpgsqlCommand(
                "UPDATE redemptions SET refunded_at = $2, refunded_by = $3 WHERE redemption_id = $1", connection, transaction);
            undo.Parameters.Add(new() { Value = use.RedemptionId });
            undo.Parameters.Add(new() { Value = now });
            undo.Parameters.Add(new() { Value = refundedBy });
            await undo.ExecuteNonQueryAsync();

            // Gift cards get the amount back on their balance; the others are simply no longer used.
            await using var restore = new NpgsqlCommand(
                $"""
                UPDATE coupons c SET balance = CASE WHEN $2 THEN c.balance ELSE c.balance + $3 END
                  FROM campaign_stock s
                 WHERE c.coupon_id = $1 AND s.campaign_id = c.campaign_id
                RETURNING {CouponColumns}
                """, connection, transaction);
            restore.Parameters.Add(new() { Value = use.CouponId });
            restore.Parameters.Add(new() { Value = use.SingleUse });
            restore.Parameters.Add(new() { Value = use.Discount });
            await using var reader = await restore.ExecuteReaderAsync();
            await reader.ReadAsync();
            var row = ReadCoupon(reader);
            refunded.Add(new RefundedUse(use.CouponId, use.Discount, row.StatusAt(now), row.Terms.Kind == CouponKind.Giftcard ? row.BalanceLeft : null));
        }

        await transaction.CommitAsync();
        return new RefundResult(RefundOutcome.Refunded, refunded.MoveToImmutable());
    }

    /// <summary>
    /// Gives the coupon from <paramref name="fromShopper"/> to <paramref name="toShopper"/> if its
    /// campaign allows it and it is still usable. On within-limit campaigns the recipient's claims
    /// and counted receipts are checked against the per-user limit here too, under a lock per
    /// recipient and campaign.
    /// </summary>
    public async Task<TransferResult> TransferAsync(Guid couponId, string fromShopper, string toShopper, DateTimeOffset now)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var row = await LockAsync(connection, transaction, CouponRef.Held(couponId, fromShopper));
        if (row is null || row.Holder != fromShopper)
        {
            return new TransferResult(TransferOutcome.NotFound);
        }

        var refusal = row.Transfer == TransferRule.None ? TransferOutcome.NotTransferable
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

    /// <summary>The coupon's transfer rule and campaign, for routing a transfer; null when it does not exist.</summary>
    public async Task<(Guid CampaignId, TransferRule Rule)?> TransferRuleOfAsync(Guid couponId)
    {
        await using var command = database.CreateCommand(
            "SELECT c.campaign_id, s.transfer_rule FROM coupons c JOIN campaign_stock s USING (campaign_id) WHERE c.coupon_id = $1");
        command.Parameters.Add(new() { Value = couponId });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetGuid(0), TermsJson.ReadRule(reader.GetString(1))) : null;
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

    private static async Task<(Redemption Use, bool Refunded)?> FindRedemptionAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid couponId, string orderId)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT redemption_id, amount, currency, discount, redeemed_at, refunded_at IS NOT NULL
              FROM redemptions WHERE order_id = $1 AND coupon_id = $2
            """, connection, transaction);
        command.Parameters.Add(new() { Value = orderId });
        command.Parameters.Add(new() { Value = couponId });
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        var use = new Redemption(reader.GetGuid(0), couponId, orderId, reader.GetDecimal(1), reader.GetString(2), reader.GetDecimal(3), null,
            reader.GetFieldValue<DateTimeOffset>(4));
        return (use, reader.GetBoolean(5));
    }

    private static async Task<List<(Redemption Use, bool Refunded)>> OrderRedemptionsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string orderId, string holderId)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT r.redemption_id, r.coupon_id, r.amount, r.currency, r.discount, r.redeemed_at, r.refunded_at IS NOT NULL,
                   CASE WHEN r.single_use THEN NULL ELSE c.balance END
              FROM redemptions r JOIN coupons c USING (coupon_id)
             WHERE r.order_id = $1 AND r.holder_id = $2
             ORDER BY r.redemption_id
            """, connection, transaction);
        command.Parameters.Add(new() { Value = orderId });
        command.Parameters.Add(new() { Value = holderId });
        var uses = new List<(Redemption, bool)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            uses.Add((new Redemption(reader.GetGuid(0), reader.GetGuid(1), orderId, reader.GetDecimal(2), reader.GetString(3), reader.GetDecimal(4),
                reader.IsDBNull(7) ? null : reader.GetDecimal(7), reader.GetFieldValue<DateTimeOffset>(5)), reader.GetBoolean(6)));
        }

        return uses;
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
        reader.GetBoolean(offset + 12));
}

/// <summary>A coupon to act on: by id, held by a given shopper; or by its code, whoever holds it.</summary>
public sealed record CouponRef(Guid CouponId, string? Code, string? HolderId)
{
    public static CouponRef Held(Guid couponId, string holderId) => new(couponId, null, holderId);

    public static CouponRef ByCode(string code) => new(Guid.Empty, code, null);
}

/// <summary>Who cancels an order: the shopper whose coupons it used, or the merchant who redeemed them.</summary>
public enum RefundParty
{
    Holder,
    Merchant,
}
