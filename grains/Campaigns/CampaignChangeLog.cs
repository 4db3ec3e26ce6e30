using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.Grains.Ledger;
using Npgsql;
using NpgsqlTypes;

namespace FlashSale.Grains.Campaigns;

/// <summary>
/// Marketing's changes to a running campaign, each applied to the ledger's campaign row together
/// with its audit row in one statement (silo/Database/Schema/018-campaign-changes.sql).
/// </summary>
public sealed class CampaignChangeLog(NpgsqlDataSource database)
{
    /// <summary>Pauses or resumes; false when the campaign already was in that state.</summary>
    public async Task<bool> SetPausedAsync(Guid campaignId, bool paused, string actor, DateTimeOffset at)
    {
        await using var command = database.CreateCommand(
            """
            WITH changed AS (
                UPDATE campaign_stock SET paused = $2 WHERE campaign_id = $1 AND paused <> $2 RETURNING campaign_id)
            INSERT INTO campaign_changes (campaign_id, changed_at, actor, action)
            SELECT campaign_id, $3, $4, $5 FROM changed
            """);
        command.Parameters.Add(new() { Value = campaignId });
        command.Parameters.Add(new() { Value = paused });
        command.Parameters.Add(new() { Value = at });
        command.Parameters.Add(new() { Value = actor });
        command.Parameters.Add(new() { Value = paused ? "paused" : "resumed" });
        return await command.ExecuteNonQueryAsync() == 1;
    }

    /// <summary>
    /// Brings the end forward to <paramref name="at"/> and closes the ledger to claims, even to those
    /// admitted before it (M6); false when the sale already ended by then.
    /// </summary>
    public async Task<bool> EndAsync(Guid campaignId, string actor, DateTimeOffset at)
    {
        await using var command = database.CreateCommand(
            """
            WITH changed AS (
                UPDATE campaign_stock s SET ends_at = $2, closed = true
                  FROM campaign_stock before
                 WHERE s.campaign_id = $1 AND before.campaign_id = $1 AND s.ends_at > $2
                RETURNING s.campaign_id, before.ends_at AS was)
            INSERT INTO campaign_changes (campaign_id, changed_at, actor, action, details)
            SELECT campaign_id, $2, $3, 'ended', jsonb_build_object('endsAt', $2, 'plannedEndsAt', was) FROM changed
            """);
        command.Parameters.Add(new() { Value = campaignId });
        command.Parameters.Add(new() { Value = at });
        command.Parameters.Add(new() { Value = actor });
        return await command.ExecuteNonQueryAsync() == 1;
    }

    /// <summary>
    /// Adds <paramref name="add"/> coupons to the stock, once per <paramref name="key"/> when one is
    /// given; returns the stock the grain counts against (recycled coupons included) when it added,
    /// with the outcome: done, replayed, the key reused for another top-up, or the stock too large.
    /// </summary>
    public async Task<(CampaignChangeOutcome Outcome, int? Stock)> TopUpAsync(Guid campaignId, int add, string? key, int maxStock, string actor,
        DateTimeOffset at)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (key is not null && await TopUpOfKeyAsync(key) is { } earlier)
            {
                return (earlier.CampaignId == campaignId && earlier.Add == add ? CampaignChangeOutcome.Replayed : CampaignChangeOutcome.KeyReused, null);
            }

            await using var command = database.CreateCommand(
                """
                WITH changed AS (
                    UPDATE campaign_stock SET total_stock = total_stock + $2
                     WHERE campaign_id = $1 AND total_stock + $2 <= $3
                    RETURNING campaign_id, total_stock, total_stock + recycled AS stock),
                logged AS (
                    INSERT INTO campaign_changes (campaign_id, changed_at, actor, action, details, idempotency_key)
                    SELECT campaign_id, $4, $5, 'topped_up', jsonb_build_object('add', $2, 'totalStock', total_stock), $6 FROM changed)
                SELECT stock FROM changed
                """);
            command.Parameters.Add(new() { Value = campaignId });
            command.Parameters.Add(new() { Value = add });
            command.Parameters.Add(new() { Value = maxStock });
            command.Parameters.Add(new() { Value = at });
            command.Parameters.Add(new() { Value = actor });
            command.Parameters.Add(new() { Value = (object?)key ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            try
            {
                return await command.ExecuteScalarAsync() is int stock ? (CampaignChangeOutcome.Done, stock) : (CampaignChangeOutcome.StockTooLarge, null);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && attempt == 0)
            {
                // The same key raced in: its row is there now, and answers this one.
            }
        }
    }

    private async Task<(Guid CampaignId, int Add)?> TopUpOfKeyAsync(string key)
    {
        await using var command = database.CreateCommand(
            "SELECT campaign_id, (details ->> 'add')::integer FROM campaign_changes WHERE idempotency_key = $1 AND action = 'topped_up'");
        command.Parameters.Add(new() { Value = key });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetGuid(0), reader.GetInt32(1)) : null;
    }

    public async Task<ImmutableArray<CampaignChangeEntry>> ReadAsync(Guid campaignId)
    {
        await using var command = database.CreateCommand(
            "SELECT changed_at, actor, action, details::text FROM campaign_changes WHERE campaign_id = $1 ORDER BY change_id");
        command.Parameters.Add(new() { Value = campaignId });
        var entries = ImmutableArray.CreateBuilder<CampaignChangeEntry>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            entries.Add(new CampaignChangeEntry(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return entries.ToImmutable();
    }

    /// <summary>Publishes a draft; false when it is not one (any more).</summary>
    public async Task<bool> PublishAsync(Guid campaignId, string actor, DateTimeOffset at)
    {
        await using var command = database.CreateCommand(
            """
            WITH changed AS (
                UPDATE campaign_stock SET draft = false WHERE campaign_id = $1 AND draft RETURNING campaign_id)
            INSERT INTO campaign_changes (campaign_id, changed_at, actor, action)
            SELECT campaign_id, $2, $3, 'published' FROM changed
            """);
        command.Parameters.Add(new() { Value = campaignId });
        command.Parameters.Add(new() { Value = at });
        command.Parameters.Add(new() { Value = actor });
        return await command.ExecuteNonQueryAsync() == 1;
    }

    /// <summary>
    /// Rewrites the campaign row from an edited definition, with <paramref name="changes"/> (JSON) as
    /// the audit's details; false once a coupon has been issued, when edits are over.
    /// </summary>
    public async Task<bool> EditAsync(CampaignDefinition campaign, string actor, DateTimeOffset at, string changes)
    {
        await using var command = database.CreateCommand(
            """
            WITH changed AS (
                UPDATE campaign_stock
                   SET total_stock = $2, per_user_limit = $3, campaign_name = $4, terms = $5, transfer_rule = $6, stackable = $7,
                       remind_before = $8, ends_at = $9, card_secrets = $10, recycle_expired = $11, starts_at = $12,
                       price_points = $16, early_access = $17, parent_id = $18
                 WHERE campaign_id = $1 AND issued = 0
                RETURNING campaign_id)
            INSERT INTO campaign_changes (campaign_id, changed_at, actor, action, details)
            SELECT campaign_id, $13, $14, 'edited', $15 FROM changed
            """);
        command.Parameters.Add(new() { Value = campaign.Id });
        CouponLedger.AddCampaignColumns(command, campaign);
        command.Parameters.Add(new() { Value = at });
        command.Parameters.Add(new() { Value = actor });
        command.Parameters.Add(new() { Value = changes, NpgsqlDbType = NpgsqlDbType.Jsonb });
        CouponLedger.AddListingColumns(command, campaign);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    /// <summary>The audit details of a campaign's creation, for <see cref="CouponLedger.CreateStockAsync"/>'s statement.</summary>
    public static NpgsqlParameter CreationDetails(CampaignDefinition campaign, bool draft) => new()
    {
        Value = System.Text.Json.JsonSerializer.Serialize(new { totalStock = campaign.TotalStock, startsAt = campaign.StartsAt, endsAt = campaign.EndsAt, draft }),
        NpgsqlDbType = NpgsqlDbType.Jsonb,
    };
}
