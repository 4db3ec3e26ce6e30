using System.Collections.Immutable;
using System.Text.Json;
using Dapper;
using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.Grains.Ledger;
using Npgsql;

namespace FlashSale.Grains.Campaigns;

/// <summary>
/// The campaign's row in the ledger (silo/Database/Schema/018-campaign-changes.sql): its creation and
/// marketing's changes, each applied together with its audit row in one statement.
/// </summary>
public sealed class CampaignChangeLog(NpgsqlDataSource database)
{
    /// <summary>
    /// Creates the campaign's counter row, with what wallets and lists show of it, and the audit of
    /// its creation; false when it already exists.
    /// </summary>
    public async Task<bool> CreateAsync(CampaignDefinition campaign, bool draft)
    {
        var parameters = ColumnsOf(campaign);
        parameters.AddDynamicParams(new
        {
            merchant = campaign.Merchant,
            draft,
            at = campaign.CreatedAt,
            actor = campaign.CreatedBy,
            details = JsonSerializer.Serialize(new { totalStock = campaign.TotalStock, startsAt = campaign.StartsAt, endsAt = campaign.EndsAt, draft }),
        });
        await using var connection = database.CreateConnection();
        return await connection.ExecuteAsync(
            """
            WITH created AS (
                INSERT INTO campaign_stock (campaign_id, total_stock, per_user_limit, campaign_name, terms, transfer_rule, stackable,
                                            remind_before, ends_at, card_secrets, recycle_expired, starts_at, draft, price_points, early_access,
                                            parent_id, merchant_id, cash_price_fen, payment_window, refunds_return_stock, time_zone)
                VALUES (@campaignId, @totalStock, @perUserLimit, @name, @terms::jsonb, @transferRule, @stackable,
                        @remindBefore, @endsAt, @cardSecrets, @recycleExpired, @startsAt, @draft, @pricePoints, @earlyAccess::jsonb,
                        @parentId, @merchant, @cashPriceFen, @paymentWindow, @refundsReturnStock, @timeZone)
                ON CONFLICT (campaign_id) DO NOTHING
                RETURNING campaign_id)
            INSERT INTO campaign_changes (campaign_id, changed_at, actor, action, details)
            SELECT campaign_id, @at, @actor, 'created', @details::jsonb FROM created
            """, parameters) == 1;
    }

    /// <summary>Pauses or resumes; false when the campaign already was in that state.</summary>
    public async Task<bool> SetPausedAsync(Guid campaignId, bool paused, string actor, DateTimeOffset at)
    {
        await using var connection = database.CreateConnection();
        return await connection.ExecuteAsync(
            """
            WITH changed AS (
                UPDATE campaign_stock SET paused = @paused WHERE campaign_id = @campaignId AND paused <> @paused RETURNING campaign_id)
            INSERT INTO campaign_changes (campaign_id, changed_at, actor, action)
            SELECT campaign_id, @at, @actor, @action FROM changed
            """, new { campaignId, paused, at, actor, action = paused ? "paused" : "resumed" }) == 1;
    }

    /// <summary>
    /// Brings the end forward to <paramref name="at"/> and closes the ledger to claims, even to those
    /// admitted before it (M6); false when the sale already ended by then.
    /// </summary>
    public async Task<bool> EndAsync(Guid campaignId, string actor, DateTimeOffset at)
    {
        await using var connection = database.CreateConnection();
        return await connection.ExecuteAsync(
            """
            WITH changed AS (
                UPDATE campaign_stock s SET ends_at = @at, closed = true
                  FROM campaign_stock before
                 WHERE s.campaign_id = @campaignId AND before.campaign_id = @campaignId AND s.ends_at > @at
                RETURNING s.campaign_id, before.ends_at AS was)
            INSERT INTO campaign_changes (campaign_id, changed_at, actor, action, details)
            SELECT campaign_id, @at, @actor, 'ended', jsonb_build_object('endsAt', @at, 'plannedEndsAt', was) FROM changed
            """, new { campaignId, at, actor }) == 1;
    }

    /// <summary>
    /// Adds <paramref name="add"/> coupons to the stock, once per <paramref name="key"/> when one is
    /// given; returns the stock the grain counts against (recycled coupons included) when it added,
    /// with the outcome: done, replayed, the key reused for another top-up, or the stock too large.
    /// </summary>
    public async Task<(CampaignChangeOutcome Outcome, int? Stock)> TopUpAsync(Guid campaignId, int add, string? key, int maxStock, string actor,
        DateTimeOffset at)
    {
        await using var connection = database.CreateConnection();
        for (var attempt = 0; ; attempt++)
        {
            if (key is not null && await TopUpOfKeyAsync(connection, key) is { } earlier)
            {
                return (earlier.CampaignId == campaignId && earlier.Add == add ? CampaignChangeOutcome.Replayed : CampaignChangeOutcome.KeyReused, null);
            }

            try
            {
                var stock = await connection.ExecuteScalarAsync<int?>(
                    """
                    WITH changed AS (
                        UPDATE campaign_stock SET total_stock = total_stock + @add
                         WHERE campaign_id = @campaignId AND total_stock + @add <= @maxStock
                        RETURNING campaign_id, total_stock, total_stock + recycled AS stock),
                    logged AS (
                        INSERT INTO campaign_changes (campaign_id, changed_at, actor, action, details, idempotency_key)
                        SELECT campaign_id, @at, @actor, 'topped_up', jsonb_build_object('add', @add, 'totalStock', total_stock), @key FROM changed)
                    SELECT stock FROM changed
                    """, new { campaignId, add, maxStock, at, actor, key });
                return stock is { } added ? (CampaignChangeOutcome.Done, added) : (CampaignChangeOutcome.StockTooLarge, null);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && attempt == 0)
            {
                // The same key raced in: its row is there now, and answers this one.
            }
        }
    }

    private static Task<TopUp?> TopUpOfKeyAsync(NpgsqlConnection connection, string key) =>
        connection.QueryFirstOrDefaultAsync<TopUp>(
            "SELECT campaign_id, (details ->> 'add')::integer AS add FROM campaign_changes WHERE idempotency_key = @key AND action = 'topped_up'",
            new { key });

    public async Task<ImmutableArray<CampaignChangeEntry>> ReadAsync(Guid campaignId)
    {
        await using var connection = database.CreateConnection();
        var entries = await connection.QueryAsync<CampaignChangeEntry>(
            "SELECT changed_at AS at, actor, action, details::text AS details FROM campaign_changes WHERE campaign_id = @campaignId ORDER BY change_id",
            new { campaignId });
        return [.. entries];
    }

    /// <summary>Publishes a draft; false when it is not one (any more).</summary>
    public async Task<bool> PublishAsync(Guid campaignId, string actor, DateTimeOffset at)
    {
        await using var connection = database.CreateConnection();
        return await connection.ExecuteAsync(
            """
            WITH changed AS (
                UPDATE campaign_stock SET draft = false WHERE campaign_id = @campaignId AND draft RETURNING campaign_id)
            INSERT INTO campaign_changes (campaign_id, changed_at, actor, action)
            SELECT campaign_id, @at, @actor, 'published' FROM changed
            """, new { campaignId, at, actor }) == 1;
    }

    /// <summary>
    /// Rewrites the campaign row from an edited definition, with <paramref name="changes"/> (JSON) as
    /// the audit's details; false once a coupon has been issued, when edits are over.
    /// </summary>
    public async Task<bool> EditAsync(CampaignDefinition campaign, string actor, DateTimeOffset at, string changes)
    {
        var parameters = ColumnsOf(campaign);
        parameters.AddDynamicParams(new { at, actor, details = changes });
        await using var connection = database.CreateConnection();
        return await connection.ExecuteAsync(
            """
            WITH changed AS (
                UPDATE campaign_stock
                   SET total_stock = @totalStock, per_user_limit = @perUserLimit, campaign_name = @name, terms = @terms::jsonb,
                       transfer_rule = @transferRule, stackable = @stackable, remind_before = @remindBefore, ends_at = @endsAt,
                       card_secrets = @cardSecrets, recycle_expired = @recycleExpired, starts_at = @startsAt,
                       price_points = @pricePoints, early_access = @earlyAccess::jsonb, parent_id = @parentId,
                       cash_price_fen = @cashPriceFen, payment_window = @paymentWindow, refunds_return_stock = @refundsReturnStock,
                       time_zone = @timeZone
                 WHERE campaign_id = @campaignId AND issued = 0
                RETURNING campaign_id)
            INSERT INTO campaign_changes (campaign_id, changed_at, actor, action, details)
            SELECT campaign_id, @at, @actor, 'edited', @details::jsonb FROM changed
            """, parameters) == 1;
    }

    /// <summary>The campaign row's columns from its definition, as creation and edits write them.</summary>
    private static DynamicParameters ColumnsOf(CampaignDefinition campaign) => new(new
    {
        campaignId = campaign.Id,
        timeZone = campaign.TimeZone,
        totalStock = campaign.TotalStock,
        perUserLimit = campaign.PerUserLimit,
        name = campaign.Name,
        terms = TermsJson.Write(campaign.Terms),
        transferRule = TermsJson.Write(campaign.UseOrDefault.Transfer),
        stackable = campaign.UseOrDefault.Stackable,
        remindBefore = campaign.UseOrDefault.Reminders,
        endsAt = campaign.EndsAt,
        cardSecrets = campaign.CardSecrets,
        recycleExpired = campaign.UseOrDefault.RecycleExpired,
        startsAt = campaign.StartsAt,
        // What lists show of the campaign beyond the counters: price in points, early access, its group.
        pricePoints = campaign.Price is { Points: > 0 } price ? price.Points : (int?)null,
        earlyAccess = JsonSerializer.Serialize(campaign.EarlyAccess.IsDefault ? [] : campaign.EarlyAccess.Select(e => new { tier = e.Tier, lead = e.Lead })),
        parentId = campaign.ParentId,
        // A paid sale: the ledger's claim writers make each claim an order with this price and window.
        cashPriceFen = campaign.CashPriceFen,
        paymentWindow = campaign.Sale?.PaymentWindow,
        refundsReturnStock = campaign.Sale?.RefundsReturnStock ?? false,
    });

    private sealed record TopUp(Guid CampaignId, int Add);
}
