using System.Collections.Immutable;
using System.Text.Json;
using Dapper;
using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.Grains.Batching;
using Npgsql;

namespace FlashSale.Grains.Campaigns;

/// <summary>
/// The results PostgreSQL keeps per campaign (silo/Database/Schema/019-campaign-results.sql and
/// 020-campaign-schedules.sql), and the risk audit's counts.
/// </summary>
public sealed class CampaignResultsStore(NpgsqlDataSource database)
{
    // Every campaign of the silo saves its refusal counts every few seconds: a thousand campaigns waiting
    // for their opening (every claim refused as not started) were 200 transactions a second (BENCHMARKS.md, rung O).
    private readonly MergedCalls<CampaignRefusals, bool> _refusalSaves = new(saves => SaveRefusalsAsync(database, saves));

    /// <summary>Adds to the campaign's refusal counts, in one statement with those of the silo's other campaigns saving now.</summary>
    public Task AddRefusalsAsync(Guid campaignId, IReadOnlyDictionary<string, int> refusals) =>
        _refusalSaves.Ask(new CampaignRefusals(campaignId, refusals));

    private static async Task<IReadOnlyList<bool>> SaveRefusalsAsync(NpgsqlDataSource database, IReadOnlyList<CampaignRefusals> saves)
    {
        // One row per campaign and code (an upsert may not touch a row twice), in key order (two silos' saves never deadlock).
        var rows = saves.SelectMany(s => s.Refusals.Select(r => (s.CampaignId, Code: r.Key, Count: (long)r.Value)))
            .GroupBy(r => (r.CampaignId, r.Code))
            .Select(g => (g.Key.CampaignId, g.Key.Code, Count: g.Sum(r => r.Count)))
            .OrderBy(r => r.CampaignId).ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
        await using var connection = database.CreateConnection();
        await connection.ExecuteAsync(
            """
            INSERT INTO campaign_refusals AS t (campaign_id, code, refusals)
            SELECT campaign_id, code, n FROM unnest(@campaignIds::uuid[], @codes::text[], @counts::bigint[]) AS u(campaign_id, code, n)
            ON CONFLICT (campaign_id, code) DO UPDATE SET refusals = t.refusals + EXCLUDED.refusals
            """,
            new { campaignIds = rows.Select(r => r.CampaignId).ToArray(), codes = rows.Select(r => r.Code).ToArray(), counts = rows.Select(r => r.Count).ToArray() });
        return [.. saves.Select(_ => true)];
    }

    private sealed record CampaignRefusals(Guid CampaignId, IReadOnlyDictionary<string, int> Refusals);

    public async Task<Dictionary<string, long>> RefusalsAsync(Guid campaignId)
    {
        await using var connection = database.CreateConnection();
        var refusals = await connection.QueryAsync<RefusalCount>("SELECT code, refusals FROM campaign_refusals WHERE campaign_id = @campaignId",
            new { campaignId });
        return refusals.ToDictionary(r => r.Code, r => r.Refusals, StringComparer.Ordinal);
    }

    /// <summary>Freezes the claims' results at the end of the sale; a later close (a retried reminder) replaces them.</summary>
    public async Task CloseAsync(Guid campaignId, DateTimeOffset closedAt, int issued, int claimants, DateTimeOffset? soldOutAt,
        IReadOnlyDictionary<string, long> refusals)
    {
        await using var connection = database.CreateConnection();
        await connection.ExecuteAsync(
            """
            INSERT INTO campaign_final_results (campaign_id, closed_at, issued, claimants, sold_out_at, refusals)
            VALUES (@campaignId, @closedAt, @issued, @claimants, @soldOutAt, @refusals::jsonb)
            ON CONFLICT (campaign_id) DO UPDATE
               SET closed_at = EXCLUDED.closed_at, issued = EXCLUDED.issued, claimants = EXCLUDED.claimants,
                   sold_out_at = EXCLUDED.sold_out_at, refusals = EXCLUDED.refusals
            """,
            new { campaignId, closedAt, issued, claimants, soldOutAt, refusals = JsonSerializer.Serialize(refusals) });
    }

    /// <summary>A closed campaign's frozen results with what its ledger row says of it; null while it has not closed.</summary>
    public async Task<CampaignResults?> ClosedAsync(Guid campaignId, DateTimeOffset now)
    {
        await using var connection = database.CreateConnection();
        var row = await connection.QueryFirstOrDefaultAsync<ClosedRow>(
            """
            SELECT s.campaign_name, s.total_stock + s.recycled AS total_stock, s.terms->>'currency' AS currency, s.starts_at,
                   f.closed_at, f.issued, f.claimants, f.sold_out_at, f.refusals::text AS refusals
              FROM campaign_final_results f JOIN campaign_stock s USING (campaign_id)
             WHERE f.campaign_id = @campaignId
            """,
            new { campaignId });
        if (row is null)
        {
            return null;
        }

        var refusals = JsonSerializer.Deserialize<Dictionary<string, long>>(row.Refusals)!;
        var closed = new CampaignResults(campaignId, row.CampaignName, "ended", row.TotalStock, row.Issued, row.Currency, row.StartsAt, row.Claimants,
            0, 0m, row.SoldOutAt, refusals.ToImmutableDictionary(), [], now, row.ClosedAt);
        var (redeemed, discount) = await RedemptionsAsync(campaignId);
        var sale = await SaleAsync(campaignId);
        return closed with
        {
            Redeemed = redeemed,
            DiscountGiven = discount,
            Risk = await RiskAsync(campaignId),
            Sale = sale,
            // A paid sale's coupons are its paid orders; the rows frozen at its end include orders then still waiting.
            Issued = sale is null ? closed.Issued : sale.Paid,
            // Units of lapsed orders went back into the stock they were counted in.
            TotalStock = sale is null ? closed.TotalStock : closed.TotalStock - sale.Expired,
        };
    }

    /// <summary>Shoppers with a coupon of any of <paramref name="units"/>, each once: a group's claimants, counted when it closes.</summary>
    public async Task<int> DistinctClaimantsAsync(Guid[] units)
    {
        await using var connection = database.CreateConnection();
        return await connection.ExecuteScalarAsync<int>(
            "SELECT count(DISTINCT shopper_id)::integer FROM coupons WHERE campaign_id = ANY(@units) AND shopper_slot = 1", new { units });
    }

    public async Task<bool> IsGroupAsync(Guid campaignId)
    {
        await using var connection = database.CreateConnection();
        return await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM campaign_stock WHERE parent_id = @campaignId)", new { campaignId });
    }

    /// <summary>Coupons redeemed and the discount given, as the redemptions trigger keeps them.</summary>
    public async Task<(int Redeemed, decimal DiscountGiven)> RedemptionsAsync(Guid campaignId)
    {
        await using var connection = database.CreateConnection();
        var row = await connection.QueryFirstOrDefaultAsync<RedemptionTotals>(
            "SELECT redeemed_coupons, discount_given FROM campaign_redemption_results WHERE campaign_id = @campaignId", new { campaignId });
        return row is null ? (0, 0m) : (row.RedeemedCoupons, row.DiscountGiven);
    }

    /// <summary>A paid sale's orders and money as the ledger holds them; null for other campaigns.</summary>
    public async Task<SaleResults?> SaleAsync(Guid campaignId)
    {
        await using var connection = database.CreateConnection();
        return await connection.QueryFirstOrDefaultAsync<SaleResults>(
            """
            SELECT count(*)::integer AS orders,
                   (count(*) FILTER (WHERE o.status = 'paid'))::integer AS paid,
                   (count(*) FILTER (WHERE o.status = 'expired'))::integer AS expired,
                   (count(*) FILTER (WHERE o.status = 'refunded'))::integer AS refunded,
                   (count(*) FILTER (WHERE o.status = 'pending_payment'))::integer AS pending,
                   coalesce(sum(o.amount_fen) FILTER (WHERE o.status = 'paid'), 0)::bigint AS revenue_fen,
                   coalesce((SELECT sum(r.amount_fen) FROM sale_refunds r JOIN sale_payments p USING (channel, out_trade_no)
                              JOIN sale_orders po ON po.order_id = p.order_id WHERE po.campaign_id = @campaignId), 0)::bigint AS refunded_fen
              FROM campaign_stock s LEFT JOIN sale_orders o ON o.campaign_id = s.campaign_id
             WHERE s.campaign_id = @campaignId AND s.payment_window IS NOT NULL
             GROUP BY s.campaign_id
            """, new { campaignId });
    }

    /// <summary>Risk decisions on the campaign by verdict, then rule (the audit records a flood once per second and subject, with its count).</summary>
    public async Task<ImmutableDictionary<string, ImmutableDictionary<string, long>>> RiskAsync(Guid campaignId)
    {
        await using var connection = database.CreateConnection();
        var counts = await connection.QueryAsync<RiskCount>(
            "SELECT verdict, rule, sum(occurrences)::bigint AS decisions FROM risk_decisions WHERE campaign_id = @campaignId GROUP BY verdict, rule",
            new { campaignId });
        return counts
            .GroupBy(c => c.Verdict, StringComparer.Ordinal)
            .ToImmutableDictionary(verdict => verdict.Key, verdict => verdict.ToImmutableDictionary(c => c.Rule, c => c.Decisions, StringComparer.Ordinal), StringComparer.Ordinal);
    }

    private sealed record RefusalCount(string Code, long Refusals);

    private sealed record ClosedRow(string CampaignName, int TotalStock, string Currency, DateTimeOffset StartsAt, DateTimeOffset ClosedAt, int Issued,
        int Claimants, DateTimeOffset? SoldOutAt, string Refusals);

    private sealed record RedemptionTotals(int RedeemedCoupons, decimal DiscountGiven);

    private sealed record RiskCount(string Verdict, string Rule, long Decisions);
}
