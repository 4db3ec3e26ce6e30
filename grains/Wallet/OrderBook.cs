using System.Collections.Immutable;
using Dapper;
using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Wallet;
using Npgsql;

namespace FlashSale.Grains.Wallet;

/// <summary>
/// Coupons used on orders, and orders cancelled (silo/Database/Migrations/V021__money_rules.sql).
/// Every route that adds a coupon to an order (one coupon by the shopper, a checkout of several, a
/// till by code) goes through here and obeys the same order rules (M1): the order's row is locked
/// first, then the coupons, so that uses of one order take turns whichever route they came by; the
/// database's triggers and checks hold the same rules if a race got past, and such a use is tried
/// again against the order as it now stands.
/// </summary>
public sealed class OrderBook(NpgsqlDataSource database)
{
    private const int Attempts = 4;

    /// <summary>
    /// Uses one coupon on an order of <paramref name="scope"/>: by id for a shopper (only coupons they
    /// hold), by code for a till (only its merchant's coupons). Idempotent by order and coupon.
    /// </summary>
    public Task<RedeemResult> RedeemAsync(CouponRef coupon, OrderScope scope, string? merchantId, string redeemedBy, OrderAmount order,
        DateTimeOffset now) =>
        RetryingRacesAsync(() => RedeemOnceAsync(coupon, scope, merchantId, redeemedBy, order, now), r => new RedeemResult(r));

    private async Task<RedeemResult> RedeemOnceAsync(CouponRef coupon, OrderScope scope, string? merchantId, string redeemedBy, OrderAmount order,
        DateTimeOffset now)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var earlier = await LockOrderAsync(connection, transaction, scope, order.OrderId);
        var row = await WalletStore.LockAsync(connection, transaction, coupon);
        // A use racing this one (a till retrying) may have made the order while this waited for the
        // coupon: read it again, so that this call is its replay rather than a refusal.
        earlier ??= await LockOrderAsync(connection, transaction, scope, order.OrderId);
        // Before asking who holds the coupon now: a retry whose first try was made is answered from
        // its order, though the coupon has changed hands and code since (a gift card given away).
        if (earlier?.Uses.FirstOrDefault(u => u.Names(coupon, row)) is { } again)
        {
            return !again.Refunded && earlier.Matches(order) ? new RedeemResult(RedeemOutcome.Replayed, again.Use) : new RedeemResult(RedeemOutcome.OrderConflict);
        }

        if (row is null || (coupon.HolderId is { } holder && row.Holder != holder) || (merchantId is not null && row.MerchantId != merchantId))
        {
            return new RedeemResult(RedeemOutcome.NotFound);
        }

        if (earlier is not null && !earlier.Matches(order))
        {
            return new RedeemResult(RedeemOutcome.OrderConflict);
        }

        if (Discounts.Refusal(row, order, now) is { } refusal)
        {
            return new RedeemResult(refusal);
        }

        var standing = earlier?.Standing ?? [];
        if (standing.Count >= OrderRules.MaxCoupons)
        {
            return new RedeemResult(RedeemOutcome.OrderFull);
        }

        if (standing.Count > 0 && (!row.Stackable || standing.Any(u => !u.Stackable || u.CampaignId == row.CampaignId)))
        {
            return new RedeemResult(RedeemOutcome.NotStackable);
        }

        var off = row.Terms.Kind == CouponKind.Giftcard ? row.BalanceLeft : Discounts.Of(row, order.Amount);
        var discount = Math.Min(off, order.Amount - standing.Sum(u => u.Use.Discount));
        if (discount <= 0)
        {
            return new RedeemResult(RedeemOutcome.NothingToDiscount);
        }

        var use = await UseAsync(connection, transaction, row, discount, order, scope.Value, UseKind.Order, redeemedBy, now);
        await transaction.CommitWithinDeadlineAsync();
        return new RedeemResult(RedeemOutcome.Redeemed, use);
    }

    /// <summary>
    /// Uses a set of the shopper's coupons on one new order, all or none: discounts first, each
    /// against the order's amount and together never above it, then gift cards on what is left.
    /// Idempotent by order: a retry with the same set gets the order's uses again.
    /// </summary>
    public Task<CheckoutResult> RedeemSetAsync(string holderId, IReadOnlyList<Guid> couponIds, OrderAmount order, DateTimeOffset now) =>
        RetryingRacesAsync(() => RedeemSetOnceAsync(holderId, couponIds, order, now), r => new CheckoutResult(r, []));

    private async Task<CheckoutResult> RedeemSetOnceAsync(string holderId, IReadOnlyList<Guid> couponIds, OrderAmount order, DateTimeOffset now)
    {
        var scope = OrderScope.Shopper(holderId);
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (await LockOrderAsync(connection, transaction, scope, order.OrderId) is { } earlier)
        {
            var same = earlier.Matches(order) && earlier.Uses.All(u => !u.Refunded)
                && earlier.Uses.Select(u => u.Use.CouponId).ToHashSet().SetEquals(couponIds);
            return same
                ? new CheckoutResult(RedeemOutcome.Replayed, [.. earlier.Uses.Select(u => u.Use)])
                : new CheckoutResult(RedeemOutcome.OrderConflict, []);
        }

        // In id order, so that two checkouts sharing coupons cannot lock them crosswise.
        var rows = new List<CouponRow>();
        foreach (var couponId in couponIds.Order())
        {
            var row = await WalletStore.LockAsync(connection, transaction, CouponRef.Held(couponId, holderId));
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

        if (rows.Count > OrderRules.MaxCoupons)
        {
            return new CheckoutResult(RedeemOutcome.OrderFull, []);
        }

        if (Combination.Clash(rows) is { } clash)
        {
            return new CheckoutResult(RedeemOutcome.NotStackable, [], clash.CouponId);
        }

        var applied = Combination.Apply(rows, order.Amount);
        if (applied.FirstOrDefault(a => a.Discount <= 0) is { Coupon: not null } idle)
        {
            return new CheckoutResult(RedeemOutcome.NothingToDiscount, [], idle.Coupon.CouponId);
        }

        var uses = ImmutableArray.CreateBuilder<Redemption>(applied.Count);
        foreach (var (row, discount) in applied)
        {
            uses.Add(await UseAsync(connection, transaction, row, discount, order, scope.Value, UseKind.Order, holderId, now));
        }

        await transaction.CommitWithinDeadlineAsync();
        return new CheckoutResult(RedeemOutcome.Redeemed, uses.MoveToImmutable());
    }

    /// <summary>The coupons a shopper's order used, to answer a retried checkout that named none.</summary>
    public async Task<List<Guid>> OrderCouponsAsync(string orderId, string holderId)
    {
        await using var connection = database.CreateConnection();
        var coupons = await connection.QueryAsync<Guid>(
            "SELECT coupon_id FROM redemptions WHERE order_scope = @scope AND order_id = @orderId AND kind = 'order'",
            new { scope = OrderScope.Shopper(holderId).Value, orderId });
        return [.. coupons];
    }

    /// <summary>A shopper's latest orders (their own, not a till's), each with the uses it had, cancelled or not.</summary>
    public async Task<ImmutableArray<CouponOrder>> ShopperOrdersAsync(string holderId, int limit)
    {
        await using var connection = database.CreateConnection();
        var rows = await connection.QueryAsync<StoredOrderUse>(
            """
            SELECT o.order_id, o.amount, o.currency, o.created_at, o.refunded_at,
                   r.coupon_id, c.campaign_id, coalesce(s.campaign_name, '') AS campaign_name, r.discount
              FROM (SELECT * FROM orders WHERE order_scope = @scope ORDER BY created_at DESC, order_id DESC LIMIT @limit) o
              JOIN redemptions r ON r.order_scope = o.order_scope AND r.order_id = o.order_id AND r.kind = 'order'
              JOIN coupons c ON c.coupon_id = r.coupon_id
              JOIN campaign_stock s ON s.campaign_id = c.campaign_id
             ORDER BY o.created_at DESC, o.order_id DESC, r.redeemed_at
            """,
            new { scope = OrderScope.Shopper(holderId).Value, limit });
        return [.. rows.GroupBy(row => row.OrderId, StringComparer.Ordinal).Select(uses =>
        {
            var order = uses.First();
            return new CouponOrder(order.OrderId, order.Amount, order.Currency, order.CreatedAt, order.RefundedAt,
                [.. uses.Select(use => new CouponOrderUse(use.CouponId, use.CampaignId, use.CampaignName, use.Discount))]);
        })];
    }

    private sealed record StoredOrderUse(string OrderId, decimal Amount, string Currency, DateTimeOffset CreatedAt, DateTimeOffset? RefundedAt,
        Guid CouponId, Guid CampaignId, string CampaignName, decimal Discount);

    /// <summary>
    /// Cancels an order of <paramref name="scope"/>: every coupon it used comes back (or is expired
    /// by now), gift cards get back exactly what the order took. Only the order's own scope can:
    /// a shopper cannot cancel a till's redemption of their coupon, nor a till a shopper's, and a
    /// points card is never an order.
    /// </summary>
    public async Task<RefundResult> RefundAsync(string orderId, OrderScope scope, string refundedBy, DateTimeOffset now)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var order = await LockOrderAsync(connection, transaction, scope, orderId);
        if (order is null)
        {
            return new RefundResult(RefundOutcome.NotFound, []);
        }

        if (order.Standing.Count == 0)
        {
            return new RefundResult(RefundOutcome.AlreadyRefunded, []);
        }

        // The triggers take each use off its order and give gift cards their amount back.
        await connection.ExecuteAsync(
            """
            UPDATE redemptions SET refunded_at = @now, refunded_by = @refundedBy
             WHERE order_scope = @scope AND order_id = @orderId AND kind = 'order' AND refunded_at IS NULL
            """,
            new { scope = scope.Value, orderId, now, refundedBy }, transaction);

        var coupons = (await connection.QueryAsync<StoredCoupon>(
                $"SELECT {StoredCoupon.Columns} FROM coupons c JOIN campaign_stock s USING (campaign_id) WHERE c.coupon_id = ANY(@couponIds)",
                new { couponIds = order.Standing.Select(u => u.Use.CouponId).ToArray() }, transaction))
            .Select(c => c.ToRow())
            .ToDictionary(row => row.CouponId);
        var refunded = ImmutableArray.CreateBuilder<RefundedUse>(order.Standing.Count);
        foreach (var use in order.Standing)
        {
            var row = coupons[use.Use.CouponId];
            refunded.Add(new RefundedUse(row.CouponId, use.Use.Discount, row.StatusAt(now), row.Terms.Kind == CouponKind.Giftcard ? row.BalanceLeft : null));
        }

        await transaction.CommitWithinDeadlineAsync();
        return new RefundResult(RefundOutcome.Refunded, refunded.MoveToImmutable());
    }

    /// <summary>What a use is: of a coupon on an order, or of a points card turned into points (never undone).</summary>
    internal enum UseKind
    {
        Order,
        PointsCard,
    }

    /// <summary>Records one use of a locked coupon; a gift card's balance follows in the database (M3).</summary>
    internal static async Task<Redemption> UseAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CouponRow row, decimal discount,
        OrderAmount order, string scope, UseKind kind, string redeemedBy, DateTimeOffset now)
    {
        decimal? balanceLeft = row.Terms.Kind == CouponKind.Giftcard ? row.BalanceLeft - discount : null;
        var redemption = new Redemption(Guid.CreateVersion7(now), row.CouponId, order.OrderId, order.Amount, order.Currency, discount, balanceLeft, now);
        await connection.ExecuteAsync(
            """
            INSERT INTO redemptions (redemption_id, coupon_id, order_id, holder_id, redeemed_by, single_use, amount, currency, discount, redeemed_at,
                                     order_scope, kind, code)
            VALUES (@redemptionId, @couponId, @orderId, @holderId, @redeemedBy, @singleUse, @amount, @currency, @discount, @now, @scope, @kind, @code)
            """,
            new
            {
                redemptionId = redemption.RedemptionId,
                couponId = row.CouponId,
                orderId = order.OrderId,
                holderId = row.Holder,
                redeemedBy,
                singleUse = row.Terms.Kind != CouponKind.Giftcard,
                amount = order.Amount,
                currency = order.Currency,
                discount,
                now,
                scope,
                kind = kind == UseKind.PointsCard ? "points_card" : "order",
                code = row.Code,
            },
            transaction);
        return redemption;
    }

    /// <summary>An order as it stands, its row locked; null when the scope has no such order yet.</summary>
    private static async Task<StandingOrder?> LockOrderAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, OrderScope scope, string orderId)
    {
        var key = new { scope = scope.Value, orderId };
        var order = await connection.QueryFirstOrDefaultAsync<OrderRow>(
            "SELECT amount, currency, refunded_at IS NOT NULL AS refunded FROM orders WHERE order_scope = @scope AND order_id = @orderId FOR UPDATE",
            key, transaction);
        if (order is null)
        {
            return null;
        }

        var uses = await connection.QueryAsync<UseRow>(
            """
            SELECT r.redemption_id, r.coupon_id, r.amount, r.currency, r.discount, r.redeemed_at, r.refunded_at IS NOT NULL AS refunded,
                   CASE WHEN r.single_use THEN NULL ELSE c.balance END AS balance_left, r.campaign_id, coalesce(r.stackable, true) AS stackable,
                   r.code
              FROM redemptions r JOIN coupons c USING (coupon_id)
             WHERE r.order_scope = @scope AND r.order_id = @orderId AND r.kind = 'order'
             ORDER BY r.redemption_id
            """,
            key, transaction);
        return new StandingOrder(order.Amount, order.Currency, order.Refunded, [.. uses.Select(u => u.ToUse(orderId))]);
    }

    /// <summary>
    /// Runs a use again when the database refused it for a race the locks could not see (two first
    /// uses of a new order): the second attempt finds the order and answers from it.
    /// </summary>
    private static async Task<T> RetryingRacesAsync<T>(Func<Task<T>> attempt, Func<RedeemOutcome, T> refused)
    {
        for (var tries = 1; ; tries++)
        {
            try
            {
                return await attempt();
            }
            catch (PostgresException e) when (Refusal(e) is { } outcome)
            {
                return refused(outcome);
            }
            catch (PostgresException e) when (tries < Attempts && IsRace(e))
            {
            }
        }
    }

    private static bool IsRace(PostgresException e) =>
        e.SqlState is "FS013" or "FS014" or PostgresErrorCodes.DeadlockDetected
        || (e.SqlState == PostgresErrorCodes.CheckViolation && e.ConstraintName?.StartsWith("orders_", StringComparison.Ordinal) == true)
        || (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "redemptions_one_standing_use");

    private static RedeemOutcome? Refusal(PostgresException e) => e.SqlState switch
    {
        // The coupon was used in this order before, and the order refunded: a new order id is needed.
        PostgresErrorCodes.UniqueViolation when e.ConstraintName == "redemptions_once_per_scoped_order" => RedeemOutcome.OrderConflict,
        // Given back to the stock: it had expired.
        "FS012" => RedeemOutcome.Expired,
        "FS011" => RedeemOutcome.NotFound,
        _ => null,
    };

    private sealed record OrderUse(Redemption Use, bool Refunded, Guid CampaignId, bool Stackable, string? Code)
    {
        /// <summary>
        /// Whether the coupon this use was of is the one named: by id; by code, the code it carried then, or the coupon the
        /// code names now (<paramref name="found"/>: re-coded since, or used before uses kept their code).
        /// </summary>
        public bool Names(CouponRef coupon, CouponRow? found) =>
            coupon.Code is null ? Use.CouponId == coupon.CouponId : Code == coupon.Code || Use.CouponId == found?.CouponId;
    }

    private sealed record OrderRow(decimal Amount, string Currency, bool Refunded);

    private sealed record UseRow(Guid RedemptionId, Guid CouponId, decimal Amount, string Currency, decimal Discount, DateTimeOffset RedeemedAt,
        bool Refunded, decimal? BalanceLeft, Guid CampaignId, bool Stackable, string? Code)
    {
        public OrderUse ToUse(string orderId) =>
            new(new Redemption(RedemptionId, CouponId, orderId, Amount, Currency, Discount, BalanceLeft, RedeemedAt), Refunded, CampaignId, Stackable, Code);
    }

    private sealed record StandingOrder(decimal Amount, string Currency, bool Refunded, List<OrderUse> Uses)
    {
        public List<OrderUse> Standing => [.. Uses.Where(u => !u.Refunded)];

        public bool Matches(OrderAmount order) => !Refunded && Amount == order.Amount && Currency == order.Currency;
    }
}
