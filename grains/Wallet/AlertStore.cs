using System.Collections.Immutable;
using FlashSale.GrainInterfaces;
using FlashSale.GrainInterfaces.Live;
using FlashSale.GrainInterfaces.Wallet;
using Npgsql;
using NpgsqlTypes;

namespace FlashSale.Grains.Wallet;

/// <summary>Expiry reminders and the shoppers' inboxes (silo/Database/Schema/014-alerts.sql).</summary>
public sealed class AlertStore(NpgsqlDataSource database)
{
    // Coupons read per step; a step that reaches a coupon not yet due stops there.
    private const int Step = 500;

    /// <summary>
    /// Puts an alert in the holder's inbox for every coupon of the campaign whose threshold has come
    /// since the last call, still usable and not already inside the threshold when it was claimed.
    /// Returns the alerts it created, and true when nothing is left to remind about: the sale is over
    /// and every coupon has passed every threshold.
    /// </summary>
    public async Task<(bool Finished, List<ShopperAlert> Created)> RemindAsync(Guid campaignId, DateTimeOffset now)
    {
        await using var connection = await database.OpenConnectionAsync();
        TimeSpan[] thresholds;
        DateTimeOffset? endsAt;
        int issued;
        string name;
        await using (var campaign = new NpgsqlCommand(
            "SELECT remind_before, ends_at, issued, coalesce(campaign_name, '') FROM campaign_stock WHERE campaign_id = $1", connection))
        {
            campaign.Parameters.Add(new() { Value = campaignId });
            await using var reader = await campaign.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                return (true, []);
            }

            (thresholds, endsAt, issued, name) = (reader.GetFieldValue<TimeSpan[]>(0),
                reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1), reader.GetInt32(2), reader.GetString(3));
        }

        var finished = endsAt is { } end && now >= end;
        var created = new List<ShopperAlert>();
        foreach (var threshold in thresholds)
        {
            var last = await RemindThresholdAsync(connection, campaignId, name, threshold, now, created);
            finished &= last >= issued;
        }

        return (finished, created);
    }

    private static async Task<int> RemindThresholdAsync(NpgsqlConnection connection, Guid campaignId, string campaignName, TimeSpan threshold,
        DateTimeOffset now, List<ShopperAlert> created)
    {
        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            var last = await ProgressAsync(connection, transaction, campaignId, threshold);
            var (due, reachedNotDue) = await ExpiryOrder.DueAsync(connection, transaction, campaignId, last, threshold, now, Step);
            if (due.Count == 0)
            {
                return last;
            }

            // Claimed already inside the threshold, used, or expired meanwhile: nothing to remind about.
            var remind = due.Select(d => d.Coupon)
                .Where(c => c.IssuedAt <= c.ExpiresAt - threshold && c.StatusAt(now) == CouponStatus.Available)
                .ToList();
            await using (var insert = new NpgsqlCommand(
                """
                INSERT INTO shopper_alerts (alert_id, shopper_id, kind, coupon_id, campaign_id, remind_before, expires_at, created_at)
                SELECT gen_random_uuid(), alert.shopper_id, 'expiry', alert.coupon_id, $3, $4, alert.expires_at, $5
                  FROM unnest($1::text[], $2::uuid[], $6::timestamptz[]) AS alert (shopper_id, coupon_id, expires_at)
                ON CONFLICT (coupon_id, remind_before) DO NOTHING
                RETURNING alert_id, shopper_id, coupon_id, expires_at
                """, connection, transaction))
            {
                insert.Parameters.Add(new() { Value = remind.Select(c => c.Holder).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                insert.Parameters.Add(new() { Value = remind.Select(c => c.CouponId).ToArray() });
                insert.Parameters.Add(new() { Value = campaignId });
                insert.Parameters.Add(new() { Value = threshold });
                insert.Parameters.Add(new() { Value = now });
                insert.Parameters.Add(new() { Value = remind.Select(c => c.ExpiresAt).ToArray() });
                await using var reader = await insert.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    created.Add(new ShopperAlert(reader.GetString(1), new Alert(reader.GetGuid(0), "expiry", reader.GetGuid(2), campaignId,
                        campaignName, threshold, reader.GetFieldValue<DateTimeOffset>(3), now, false)));
                }
            }

            await using (var progress = new NpgsqlCommand(
                """
                INSERT INTO expiry_reminder_progress (campaign_id, remind_before, last_seq) VALUES ($1, $2, $3)
                ON CONFLICT (campaign_id, remind_before) DO UPDATE SET last_seq = excluded.last_seq
                """, connection, transaction))
            {
                progress.Parameters.Add(new() { Value = campaignId });
                progress.Parameters.Add(new() { Value = threshold });
                progress.Parameters.Add(new() { Value = due[^1].Seq });
                await progress.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
            if (reachedNotDue || due.Count < Step)
            {
                return due[^1].Seq;
            }
        }
    }

    private static async Task<int> ProgressAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid campaignId, TimeSpan threshold)
    {
        await using var command = new NpgsqlCommand(
            "SELECT last_seq FROM expiry_reminder_progress WHERE campaign_id = $1 AND remind_before = $2", connection, transaction);
        command.Parameters.Add(new() { Value = campaignId });
        command.Parameters.Add(new() { Value = threshold });
        return await command.ExecuteScalarAsync() is int seq ? seq : 0;
    }

    public async Task<AlertPage> InboxAsync(string shopperId, bool unreadOnly, PagePosition? after, int limit)
    {
        await using var command = database.CreateCommand(
            """
            SELECT a.alert_id, a.kind, a.coupon_id, a.campaign_id, coalesce(s.campaign_name, ''), a.remind_before, a.expires_at,
                   a.created_at, a.read_at IS NOT NULL
              FROM shopper_alerts a LEFT JOIN campaign_stock s USING (campaign_id)
             WHERE a.shopper_id = $1 AND (NOT $2 OR a.read_at IS NULL)
               AND ($3::timestamptz IS NULL OR (a.created_at, a.alert_id) < ($3, $4))
             ORDER BY a.created_at DESC, a.alert_id DESC
             LIMIT $5
            """);
        command.Parameters.Add(new() { Value = shopperId });
        command.Parameters.Add(new() { Value = unreadOnly });
        command.Parameters.Add(new() { Value = (object?)after?.At ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = after?.Id ?? Guid.Empty });
        command.Parameters.Add(new() { Value = limit + 1 });
        var alerts = ImmutableArray.CreateBuilder<Alert>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            alerts.Add(new Alert(reader.GetGuid(0), reader.GetString(1), reader.GetGuid(2), reader.GetGuid(3), reader.GetString(4),
                reader.GetFieldValue<TimeSpan>(5), reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7),
                reader.GetBoolean(8)));
        }

        var more = alerts.Count > limit;
        var page = alerts.Take(limit).ToImmutableArray();
        return new AlertPage(page, more ? new PagePosition(page[^1].CreatedAt, page[^1].AlertId) : null);
    }

    /// <summary>Marks the shopper's alert read; false when the shopper has no such alert.</summary>
    public async Task<bool> MarkReadAsync(string shopperId, Guid alertId, DateTimeOffset now)
    {
        await using var command = database.CreateCommand(
            "UPDATE shopper_alerts SET read_at = coalesce(read_at, $3) WHERE alert_id = $1 AND shopper_id = $2");
        command.Parameters.Add(new() { Value = alertId });
        command.Parameters.Add(new() { Value = shopperId });
        command.Parameters.Add(new() { Value = now });
        return await command.ExecuteNonQueryAsync() == 1;
    }
}
