using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Wallet;
using Npgsql;
using NpgsqlTypes;

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
                var balance = await AddPointsAsync(connection, null, new PointsEntry(points, "credit", null, null, note, now), shopperId, creditedBy, key);
                return new PointsCredit(PointsCreditOutcome.Credited, balance);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && attempt == 0)
            {
                // The same key raced in: its entry answers this one.
            }
        }
    }

    private async Task<(string ShopperId, long Points)?> CreditOfKeyAsync(string key)
    {
        await using var command = database.CreateCommand("SELECT shopper_id, delta FROM points_entries WHERE credit_key = $1");
        command.Parameters.Add(new() { Value = key });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetString(0), reader.GetInt64(1)) : null;
    }

    // Adds an entry and moves the balance by it, creating the account on its first credit.
    private static async Task<long> AddPointsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, PointsEntry entry, string shopperId,
        string? by, string? key = null)
    {
        await using var command = new NpgsqlCommand(
            """
            WITH entry AS (
                INSERT INTO points_entries (shopper_id, delta, reason, coupon_id, campaign_id, created_by, note, created_at, credit_key)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            )
            INSERT INTO points_accounts AS account (shopper_id, balance, updated_at) VALUES ($1, $2, $8)
            ON CONFLICT (shopper_id) DO UPDATE SET balance = account.balance + excluded.balance, updated_at = excluded.updated_at
            RETURNING balance
            """, connection, transaction);
        command.Parameters.Add(new() { Value = shopperId });
        command.Parameters.Add(new() { Value = entry.Delta });
        command.Parameters.Add(new() { Value = entry.Reason });
        command.Parameters.Add(new() { Value = (object?)entry.CouponId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = (object?)entry.CampaignId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = (object?)by ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)entry.Note ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = entry.At });
        command.Parameters.Add(new() { Value = (object?)key ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        return (long)(await command.ExecuteScalarAsync())!;
    }

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
        await transaction.CommitAsync();
        return new PointsCardResult(PointsCardOutcome.Credited, points, balance);
    }

    private static async Task<long> BalanceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string shopperId)
    {
        await using var command = new NpgsqlCommand("SELECT coalesce((SELECT balance FROM points_accounts WHERE shopper_id = @shopper), 0)",
            connection, transaction);
        command.Parameters.AddWithValue("shopper", shopperId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The balance and its latest 50 changes, from one snapshot.</summary>
    public async Task<PointsBalance> PointsAsync(string shopperId)
    {
        await using var command = database.CreateCommand(
            """
            SELECT coalesce((SELECT balance FROM points_accounts WHERE shopper_id = $1), 0), NULL, NULL, NULL, NULL, NULL, NULL
            UNION ALL
            (SELECT NULL, delta, reason, coupon_id, campaign_id, note, created_at
               FROM points_entries WHERE shopper_id = $1 ORDER BY entry_id DESC LIMIT 50)
            """);
        command.Parameters.Add(new() { Value = shopperId });
        var balance = 0L;
        var entries = ImmutableArray.CreateBuilder<PointsEntry>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (!reader.IsDBNull(0))
            {
                balance = reader.GetInt64(0);
                continue;
            }

            entries.Add(new PointsEntry(reader.GetInt64(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetGuid(3),
                reader.IsDBNull(4) ? null : reader.GetGuid(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return new PointsBalance(balance, entries.ToImmutable());
    }
}
