using System.Collections.Immutable;
using Dapper;
using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Wallet;
using Npgsql;

namespace FlashSale.Grains.Wallet;

/// <summary>
/// Points balances (silo/Database/Schema/013-points.sql): admins' credits, points cards, and the
/// balance with its entries. Claims debit points in the ledger's own transaction (issue_coupons).
/// </summary>
public sealed class PointsStore(NpgsqlDataSource database)
{
    /// <summary>
    /// Credits points, once per <paramref name="key"/> when one is given. Claims read balances from
    /// here afresh each time, so a credit counts from the next claim on.
    /// </summary>
    public async Task<PointsCredit> CreditAsync(string shopperId, long points, string note, string creditedBy, string? key, DateTimeOffset now)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (key is not null && await CreditOfKeyAsync(key) is { } earlier)
            {
                return earlier.ShopperId == shopperId && earlier.Points == points
                    ? new PointsCredit(PointsCreditOutcome.Replayed, (await PointsAsync(shopperId)).Balance)
                    : new PointsCredit(PointsCreditOutcome.KeyReused);
            }

            await using var connection = await database.OpenConnectionAsync();
            try
            {
                await using var transaction = await connection.BeginTransactionAsync();
                var balance = await AddPointsAsync(connection, transaction, new PointsEntry(points, "credit", null, null, note, now), shopperId,
                    creditedBy, key);
                await transaction.CommitWithinDeadlineAsync();
                return new PointsCredit(PointsCreditOutcome.Credited, balance);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && attempt == 0)
            {
                // The same key raced in: its entry answers this one.
            }
        }
    }

    private async Task<Credit?> CreditOfKeyAsync(string key)
    {
        await using var connection = database.CreateConnection();
        return await connection.QueryFirstOrDefaultAsync<Credit>("SELECT shopper_id, delta AS points FROM points_entries WHERE credit_key = @key",
            new { key });
    }

    // Adds an entry and moves the balance by it, creating the account on its first credit.
    private static Task<long> AddPointsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, PointsEntry entry, string shopperId,
        string? by, string? key = null) =>
        connection.ExecuteScalarAsync<long>(
            """
            WITH entry AS (
                INSERT INTO points_entries (shopper_id, delta, reason, coupon_id, campaign_id, created_by, note, created_at, credit_key)
                VALUES (@shopperId, @delta, @reason, @couponId, @campaignId, @by, @note, @at, @key)
            )
            INSERT INTO points_accounts AS account (shopper_id, balance, updated_at) VALUES (@shopperId, @delta, @at)
            ON CONFLICT (shopper_id) DO UPDATE SET balance = account.balance + excluded.balance, updated_at = excluded.updated_at
            RETURNING balance
            """,
            new
            {
                shopperId,
                delta = entry.Delta,
                reason = entry.Reason,
                couponId = entry.CouponId,
                campaignId = entry.CampaignId,
                by,
                note = entry.Note,
                at = entry.At,
                key,
            },
            transaction);

    /// <summary>
    /// Redeems a points card into its holder's balance: the card is used (a redemption row of its own
    /// kind, which nothing undoes) and the points credited in one transaction (M2).
    /// </summary>
    public async Task<PointsCardResult> RedeemPointsCardAsync(string shopperId, Guid couponId, DateTimeOffset now)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var row = await WalletStore.LockAsync(connection, transaction, CouponRef.Held(couponId, shopperId));
        if (row is null || row.Holder != shopperId)
        {
            return new PointsCardResult(PointsCardOutcome.NotFound);
        }

        // A points card is used only here, by its holder: used, it is this holder's earlier credit,
        // asked again after a lost answer, and heard again (nothing is credited twice).
        if (row.Terms.Kind == CouponKind.Points && row.StatusAt(now) == CouponStatus.Redeemed)
        {
            return new PointsCardResult(PointsCardOutcome.Credited, row.Terms.Points!.Value, await BalanceAsync(connection, transaction, shopperId));
        }

        var refusal = row.Terms.Kind != CouponKind.Points ? PointsCardOutcome.NotPointsCard
            : row.StatusAt(now) == CouponStatus.Expired ? PointsCardOutcome.Expired
            : (PointsCardOutcome?)null;
        if (refusal is { } refused)
        {
            return new PointsCardResult(refused);
        }

        var points = row.Terms.Points!.Value;
        await OrderBook.UseAsync(connection, transaction, row, points, new OrderAmount($"points-card:{couponId}", points, "PTS"), "points",
            OrderBook.UseKind.PointsCard, shopperId, now);
        var balance = await AddPointsAsync(connection, transaction, new PointsEntry(points, "points_card", couponId, row.CampaignId, null, now),
            shopperId, null);
        await transaction.CommitWithinDeadlineAsync();
        return new PointsCardResult(PointsCardOutcome.Credited, points, balance);
    }

    private static Task<long> BalanceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string shopperId) =>
        connection.ExecuteScalarAsync<long>("SELECT coalesce((SELECT balance FROM points_accounts WHERE shopper_id = @shopperId), 0)",
            new { shopperId }, transaction);

    /// <summary>The balance and its latest 50 changes, from one snapshot.</summary>
    public async Task<PointsBalance> PointsAsync(string shopperId)
    {
        await using var connection = database.CreateConnection();
        // The balance on a row of its own, first, then the entries: one statement, so one snapshot.
        var rows = (await connection.QueryAsync<PointsRow>(
            """
            SELECT coalesce((SELECT balance FROM points_accounts WHERE shopper_id = @shopperId), 0) AS balance,
                   NULL::bigint AS delta, NULL AS reason, NULL::uuid AS coupon_id, NULL::uuid AS campaign_id, NULL AS note, NULL::timestamptz AS created_at
            UNION ALL
            (SELECT NULL, delta, reason, coupon_id, campaign_id, note, created_at
               FROM points_entries WHERE shopper_id = @shopperId ORDER BY entry_id DESC LIMIT 50)
            """,
            new { shopperId })).ToList();
        var balance = rows.FirstOrDefault(r => r.Balance is not null)?.Balance ?? 0L;
        return new PointsBalance(balance, [.. rows.Where(r => r.Balance is null).Select(r => r.ToEntry())]);
    }

    private sealed record Credit(string ShopperId, long Points);

    private sealed record PointsRow(long? Balance, long? Delta, string? Reason, Guid? CouponId, Guid? CampaignId, string? Note, DateTimeOffset? CreatedAt)
    {
        public PointsEntry ToEntry() => new(Delta!.Value, Reason!, CouponId, CampaignId, Note, CreatedAt!.Value);
    }
}
