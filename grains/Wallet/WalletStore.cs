using System.Collections.Immutable;
using Dapper;
using FlashSale.GrainInterfaces;
using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Wallet;
using FlashSale.Grains.Campaigns;
using FlashSale.Grains.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FlashSale.Grains.Wallet;

/// <summary>
/// Reads wallets and gives coupons away (silo/Database/Migrations/V012__wallet.sql); uses on orders
/// are the <see cref="OrderBook"/>'s. Every change runs in one transaction that first locks the
/// coupon's row, so that racing uses, refunds and transfers of one coupon take turns whichever
/// grains or silos they come from; the tables' constraints and triggers hold even if they did not.
/// </summary>
public sealed class WalletStore(NpgsqlDataSource database, [FromKeyedServices(CouponLedger.Lookups)] NpgsqlDataSource lookups)
{
    // The coupons shopper @shopperId holds: claimed and kept, or received.
    // A paid sale's coupon is the shopper's only once paid for (sale_state null): until then it is an order, not in the wallet.
    private const string HeldBy = "((c.shopper_id = @shopperId AND c.holder_id IS NULL) OR c.holder_id = @shopperId) AND c.sale_state IS NULL";

    public async Task<WalletPage> ListAsync(string shopperId, WalletQuery query, DateTimeOffset now)
    {
        await using var connection = lookups.CreateConnection();
        var rows = await connection.QueryAsync<StoredCoupon, bool, (CouponRow Row, bool Given)>(
            $"""
            WITH held AS (
                SELECT c.* FROM coupons c WHERE {HeldBy}
            ), given AS (
                SELECT c.* FROM coupons c
                 WHERE c.coupon_id IN (SELECT coupon_id FROM coupon_transfers WHERE from_shopper = @shopperId)
                   AND coalesce(c.holder_id, c.shopper_id) <> @shopperId
            )
            SELECT * FROM (
                SELECT {StoredCoupon.Columns}, false AS given FROM held c JOIN campaign_stock s USING (campaign_id)
                UNION ALL
                SELECT {StoredCoupon.Columns}, true AS given FROM given c JOIN campaign_stock s USING (campaign_id)
            ) AS wallet
             WHERE (@afterAt::timestamptz IS NULL OR (issued_at, coupon_id) < (@afterAt, @afterId))
             ORDER BY issued_at DESC, coupon_id DESC
            """,
            (coupon, given) => (coupon.ToRow(), given),
            new { shopperId, afterAt = query.After?.At, afterId = query.After?.Id ?? Guid.Empty },
            splitOn: "given");

        // The status depends on the clock, so it is worked out here; a wallet holds hundreds of coupons, not millions.
        var coupons = ImmutableArray.CreateBuilder<WalletCoupon>();
        PagePosition? next = null;
        foreach (var (row, given) in rows)
        {
            var status = given ? CouponStatus.Transferred : row.StatusAt(now);
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
        await using var connection = lookups.CreateConnection();
        var coupons = await connection.QueryAsync<StoredCoupon>(
            $"SELECT {StoredCoupon.Columns} FROM coupons c JOIN campaign_stock s USING (campaign_id) WHERE {HeldBy}", new { shopperId });
        return [.. coupons.Select(c => c.ToRow()).Where(row => row.StatusAt(now) == CouponStatus.Available)];
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

        await connection.ExecuteAsync(
            """
            WITH moved AS (UPDATE coupons SET holder_id = @toShopper, code = @code WHERE coupon_id = @couponId)
            INSERT INTO coupon_transfers (transfer_id, coupon_id, campaign_id, from_shopper, to_shopper, transferred_at, counted)
            VALUES (@transferId, @couponId, @campaignId, @fromShopper, @toShopper, @now, @counted)
            """,
            new
            {
                couponId,
                toShopper,
                transferId = Guid.CreateVersion7(now),
                campaignId = row.CampaignId,
                fromShopper,
                now,
                counted,
                // A new code: the giver has seen the old one, and a merchant redeems by code.
                code = CouponCodes.New(),
            },
            transaction);
        await transaction.CommitWithinDeadlineAsync();
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
        var at = await connection.QueryFirstOrDefaultAsync<DateTimeOffset?>(
            """
            SELECT t.transferred_at
              FROM coupons c
              CROSS JOIN LATERAL (SELECT from_shopper, to_shopper, transferred_at FROM coupon_transfers
                                   WHERE coupon_id = c.coupon_id ORDER BY transferred_at DESC LIMIT 1) t
             WHERE c.coupon_id = @couponId AND c.holder_id = @toShopper AND t.from_shopper = @fromShopper AND t.to_shopper = @toShopper
            """,
            new { couponId, fromShopper, toShopper },
            transaction);
        return at is { } transferred ? new TransferResult(TransferOutcome.Transferred, transferred) : null;
    }

    /// <summary>Who holds the coupon now; null when it does not exist.</summary>
    public async Task<string?> HolderOfAsync(Guid couponId)
    {
        await using var connection = database.CreateConnection();
        return await connection.ExecuteScalarAsync<string?>("SELECT coalesce(holder_id, shopper_id) FROM coupons WHERE coupon_id = @couponId AND sale_state IS NULL",
            new { couponId });
    }

    /// <summary>The coupon's campaign, for routing a transfer; null when it does not exist.</summary>
    public async Task<Guid?> CampaignOfAsync(Guid couponId)
    {
        await using var connection = database.CreateConnection();
        return await connection.ExecuteScalarAsync<Guid?>("SELECT campaign_id FROM coupons WHERE coupon_id = @couponId AND sale_state IS NULL", new { couponId });
    }

    // Claims plus counted receipts: what a within-limit campaign counts against the per-user limit.
    // The advisory lock makes two transfers to one recipient on one campaign take turns.
    private static async Task<int> HoldingsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid campaignId, string shopperId)
    {
        var recipient = new { campaignId, shopperId };
        await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended(@campaignId::text || '/' || @shopperId, 0))", recipient, transaction);
        return (int)await connection.ExecuteScalarAsync<long>(
            """
            SELECT (SELECT count(*) FROM coupons WHERE campaign_id = @campaignId AND shopper_id = @shopperId)
                 + (SELECT count(*) FROM coupon_transfers WHERE campaign_id = @campaignId AND to_shopper = @shopperId AND counted)
            """,
            recipient, transaction);
    }

    internal static async Task<CouponRow?> LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CouponRef coupon)
    {
        // Lock first, then read: a statement that waited for the lock still sees the data of its own
        // start, which would miss the redemption the lock's previous holder just committed.
        var couponId = coupon.Code is null
            ? await connection.ExecuteScalarAsync<Guid?>(
                "SELECT coupon_id FROM coupons WHERE coupon_id = @couponId AND sale_state IS NULL FOR UPDATE", new { couponId = coupon.CouponId }, transaction)
            : await connection.ExecuteScalarAsync<Guid?>(
                "SELECT coupon_id FROM coupons WHERE code = @code AND sale_state IS NULL FOR UPDATE", new { code = coupon.Code }, transaction);
        if (couponId is null)
        {
            return null;
        }

        var row = await connection.QueryFirstOrDefaultAsync<StoredCoupon>(
            $"SELECT {StoredCoupon.Columns} FROM coupons c JOIN campaign_stock s USING (campaign_id) WHERE c.coupon_id = @couponId",
            new { couponId }, transaction);
        return row?.ToRow();
    }
}

/// <summary>A coupon to act on: by id, held by a given shopper; or by its code, whoever holds it.</summary>
public sealed record CouponRef(Guid CouponId, string? Code, string? HolderId)
{
    public static CouponRef Held(Guid couponId, string holderId) => new(couponId, null, holderId);

    public static CouponRef ByCode(string code) => new(Guid.Empty, code, null);
}

