using System.Collections.Immutable;
using Dapper;
using FlashSale.GrainInterfaces;
using FlashSale.GrainInterfaces.Live;
using FlashSale.GrainInterfaces.Wallet;
using Npgsql;

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
        var campaign = await connection.QueryFirstOrDefaultAsync<ReminderPlan>(
            "SELECT remind_before, ends_at, issued, coalesce(campaign_name, '') AS campaign_name FROM campaign_stock WHERE campaign_id = @campaignId",
            new { campaignId });
        if (campaign is null)
        {
            return (true, []);
        }

        var finished = campaign.EndsAt is { } end && now >= end;
        var created = new List<ShopperAlert>();
        foreach (var threshold in campaign.RemindBefore)
        {
            var last = await RemindThresholdAsync(connection, campaignId, campaign.CampaignName, threshold, now, created);
            finished &= last >= campaign.Issued;
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
            var alerts = await connection.QueryAsync<CreatedAlert>(
                """
                INSERT INTO shopper_alerts (alert_id, shopper_id, kind, coupon_id, campaign_id, remind_before, expires_at, created_at)
                SELECT gen_random_uuid(), alert.shopper_id, 'expiry', alert.coupon_id, @campaignId, @threshold, alert.expires_at, @now
                  FROM unnest(@holders::text[], @couponIds::uuid[], @expiresAt::timestamptz[]) AS alert (shopper_id, coupon_id, expires_at)
                ON CONFLICT (coupon_id, remind_before) DO NOTHING
                RETURNING alert_id, shopper_id, coupon_id, expires_at
                """,
                new
                {
                    holders = remind.Select(c => c.Holder).ToArray(),
                    couponIds = remind.Select(c => c.CouponId).ToArray(),
                    campaignId,
                    threshold,
                    now,
                    expiresAt = remind.Select(c => c.ExpiresAt).ToArray(),
                },
                transaction);
            created.AddRange(alerts.Select(a =>
                new ShopperAlert(a.ShopperId, new Alert(a.AlertId, "expiry", a.CouponId, campaignId, campaignName, threshold, a.ExpiresAt, now, false))));

            await connection.ExecuteAsync(
                """
                INSERT INTO expiry_reminder_progress (campaign_id, remind_before, last_seq) VALUES (@campaignId, @threshold, @lastSeq)
                ON CONFLICT (campaign_id, remind_before) DO UPDATE SET last_seq = excluded.last_seq
                """,
                new { campaignId, threshold, lastSeq = due[^1].Seq }, transaction);

            await transaction.CommitAsync();
            if (reachedNotDue || due.Count < Step)
            {
                return due[^1].Seq;
            }
        }
    }

    private static async Task<int> ProgressAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid campaignId, TimeSpan threshold) =>
        await connection.ExecuteScalarAsync<int?>(
            "SELECT last_seq FROM expiry_reminder_progress WHERE campaign_id = @campaignId AND remind_before = @threshold",
            new { campaignId, threshold }, transaction) ?? 0;

    public async Task<AlertPage> InboxAsync(string shopperId, bool unreadOnly, PagePosition? after, int limit)
    {
        await using var connection = database.CreateConnection();
        var alerts = (await connection.QueryAsync<Alert>(
            """
            SELECT a.alert_id, a.kind, a.coupon_id, a.campaign_id, coalesce(s.campaign_name, '') AS campaign_name, a.remind_before, a.expires_at,
                   a.created_at, a.read_at IS NOT NULL AS read
              FROM shopper_alerts a LEFT JOIN campaign_stock s USING (campaign_id)
             WHERE a.shopper_id = @shopperId AND (NOT @unreadOnly OR a.read_at IS NULL)
               AND (@afterAt::timestamptz IS NULL OR (a.created_at, a.alert_id) < (@afterAt, @afterId))
             ORDER BY a.created_at DESC, a.alert_id DESC
             LIMIT @fetch
            """,
            // One more than asked: whether there is a next page.
            new { shopperId, unreadOnly, afterAt = after?.At, afterId = after?.Id ?? Guid.Empty, fetch = limit + 1 })).ToList();
        var page = alerts.Take(limit).ToImmutableArray();
        return new AlertPage(page, alerts.Count > limit ? new PagePosition(page[^1].CreatedAt, page[^1].AlertId) : null);
    }

    /// <summary>Marks the shopper's alert read; false when the shopper has no such alert.</summary>
    public async Task<bool> MarkReadAsync(string shopperId, Guid alertId, DateTimeOffset now)
    {
        await using var connection = database.CreateConnection();
        return await connection.ExecuteAsync(
            "UPDATE shopper_alerts SET read_at = coalesce(read_at, @now) WHERE alert_id = @alertId AND shopper_id = @shopperId",
            new { alertId, shopperId, now }) == 1;
    }

    private sealed record ReminderPlan(TimeSpan[] RemindBefore, DateTimeOffset? EndsAt, int Issued, string CampaignName);

    private sealed record CreatedAlert(Guid AlertId, string ShopperId, Guid CouponId, DateTimeOffset ExpiresAt);
}
