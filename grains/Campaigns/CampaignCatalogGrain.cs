using System.Collections.Immutable;
using System.Text.Json;
using Dapper;
using FlashSale.GrainInterfaces;
using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.Grains.Ledger;
using Npgsql;

namespace FlashSale.Grains.Campaigns;

/// <summary>Lists campaigns from their ledger rows alone: no campaign grain is woken, however many are listed.</summary>
[StatelessWorker]
public sealed class CampaignCatalogGrain(NpgsqlDataSource database) : Grain, ICampaignCatalogGrain
{
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    public async Task<CampaignListingPage> Find(CampaignQuery query)
    {
        await using var connection = database.CreateConnection();
        // The phase as the campaign grain would judge it at the same instant, from the ledger's row.
        var rows = (await connection.QueryAsync<ListingRow>(
            """
            SELECT campaign_id, campaign_name, terms::text AS terms, total, issued, held, starts_at, ends_at, phase, price_points,
                   early_access::text AS early_access_json, units, cash_price_fen, payment_window, card_secrets, time_zone
              FROM (SELECT s.campaign_id, s.campaign_name, s.terms, s.starts_at, s.ends_at, s.price_points, s.early_access, g.total, g.issued, g.units,
                           g.held, s.cash_price_fen, s.payment_window, s.card_secrets, s.time_zone,
                           CASE WHEN s.draft THEN 'draft'
                                WHEN @now < s.starts_at THEN 'scheduled'
                                WHEN @now >= s.ends_at THEN 'ended'
                                WHEN s.paused THEN 'paused'
                                WHEN g.issued + g.held >= g.total THEN 'sold_out'
                                ELSE 'open' END AS phase
                      FROM campaign_stock s
                      -- A group's counts are its units' added up. A paid sale's rows are orders: issued are the paid ones
                      -- (less refunds that gave their unit back), held the waiting ones; units given back leave the stock's count.
                      CROSS JOIN LATERAL (
                           SELECT coalesce(sum(u.total_stock + u.recycled),
                                           s.total_stock + s.recycled - CASE WHEN s.payment_window IS NULL THEN 0
                                                                             ELSE s.orders_lapsed + s.refunds_returned END)::integer AS total,
                                  coalesce(sum(u.issued),
                                           CASE WHEN s.payment_window IS NULL THEN s.issued ELSE s.orders_paid - s.refunds_returned END)::integer AS issued,
                                  CASE WHEN s.payment_window IS NULL THEN 0 ELSE s.issued - s.orders_paid - s.orders_lapsed END AS held,
                                  count(u.campaign_id)::integer AS units
                             FROM campaign_stock u WHERE u.parent_id = s.campaign_id) g
                     WHERE s.starts_at IS NOT NULL AND s.parent_id IS NULL AND (@merchant::text IS NULL OR s.merchant_id = @merchant)) c
             WHERE phase = ANY(@states)
               AND (@from::timestamptz IS NULL OR starts_at >= @from)
               AND (@to::timestamptz IS NULL OR starts_at < @to)
               AND (@afterAt::timestamptz IS NULL OR (starts_at, campaign_id) > (@afterAt, @afterId))
             ORDER BY starts_at, campaign_id
             LIMIT @fetch
            """,
            new
            {
                now = query.Now,
                states = query.States.ToArray(),
                from = query.From,
                to = query.To,
                afterAt = query.After?.At,
                afterId = query.After?.Id ?? Guid.Empty,
                // One more than asked: whether there is a next page.
                fetch = query.Limit + 1,
                merchant = query.Merchant,
            })).Select(row => row.ToListing()).ToList();
        var page = rows.Take(query.Limit).ToImmutableArray();
        return new CampaignListingPage(page, rows.Count > query.Limit ? new PagePosition(page[^1].StartsAt, page[^1].Id) : null);
    }

    public async Task<string?> MerchantOf(Guid campaignId)
    {
        await using var connection = database.CreateConnection();
        return await connection.ExecuteScalarAsync<string?>("SELECT merchant_id FROM campaign_stock WHERE campaign_id = @campaignId", new { campaignId });
    }

    private sealed record ListingRow(Guid CampaignId, string CampaignName, string Terms, int Total, int Issued, int Held, DateTimeOffset StartsAt,
        DateTimeOffset EndsAt, string Phase, int? PricePoints, string EarlyAccessJson, int Units, long? CashPriceFen, TimeSpan? PaymentWindow,
        bool CardSecrets, string? TimeZone)
    {
        public CampaignListing ToListing() => new(CampaignId, CampaignName, TermsJson.Read(Terms), Total, Issued, StartsAt, EndsAt, Phase, PricePoints,
            [.. JsonSerializer.Deserialize<EarlyAccess[]>(EarlyAccessJson, WebJson)!], Units, Held, CashPriceFen, PaymentWindow, CardSecrets, TimeZone);
    }
}
