using System.Collections.Immutable;
using System.Text.Json;
using FlashSale.GrainInterfaces;
using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.Grains.Ledger;
using Npgsql;

namespace FlashSale.Grains.Campaigns;

/// <summary>Lists campaigns from their ledger rows alone: no campaign grain is woken, however many are listed.</summary>
[StatelessWorker]
public sealed class CampaignCatalogGrain(NpgsqlDataSource database) : Grain, ICampaignCatalogGrain
{
    private static readonly JsonSerializerOptions EarlyAccessJson = new(JsonSerializerDefaults.Web);

    public async Task<CampaignListingPage> Find(CampaignQuery query)
    {
        // The phase as the campaign grain would judge it at the same instant, from the ledger's row.
        await using var command = database.CreateCommand(
            """
            SELECT campaign_id, campaign_name, terms::text, total, issued, starts_at, ends_at, phase, price_points, early_access::text, units
              FROM (SELECT s.campaign_id, s.campaign_name, s.terms, s.starts_at, s.ends_at, s.price_points, s.early_access, g.total, g.issued, g.units,
                           CASE WHEN s.draft THEN 'draft'
                                WHEN $1 < s.starts_at THEN 'scheduled'
                                WHEN $1 >= s.ends_at THEN 'ended'
                                WHEN s.paused THEN 'paused'
                                WHEN g.issued >= g.total THEN 'sold_out'
                                ELSE 'open' END AS phase
                      FROM campaign_stock s
                      -- A group's counts are its units' added up.
                      CROSS JOIN LATERAL (
                           SELECT coalesce(sum(u.total_stock + u.recycled), s.total_stock + s.recycled)::integer AS total,
                                  coalesce(sum(u.issued), s.issued)::integer AS issued,
                                  count(u.campaign_id)::integer AS units
                             FROM campaign_stock u WHERE u.parent_id = s.campaign_id) g
                     WHERE s.starts_at IS NOT NULL AND s.parent_id IS NULL AND ($8::text IS NULL OR s.merchant_id = $8)) c
             WHERE phase = ANY($2)
               AND ($3::timestamptz IS NULL OR starts_at >= $3)
               AND ($4::timestamptz IS NULL OR starts_at < $4)
               AND ($5::timestamptz IS NULL OR (starts_at, campaign_id) > ($5, $6))
             ORDER BY starts_at, campaign_id
             LIMIT $7
            """);
        command.Parameters.Add(new() { Value = query.Now });
        command.Parameters.Add(new() { Value = query.States.ToArray() });
        command.Parameters.Add(new() { Value = (object?)query.From ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = (object?)query.To ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = (object?)query.After?.At ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = query.After?.Id ?? Guid.Empty });
        // One more than asked: whether there is a next page.
        command.Parameters.Add(new() { Value = query.Limit + 1 });
        command.Parameters.Add(new() { Value = (object?)query.Merchant ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        var rows = new List<CampaignListing>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new CampaignListing(reader.GetGuid(0), reader.GetString(1), TermsJson.Read(reader.GetString(2)), reader.GetInt32(3),
                reader.GetInt32(4), reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<DateTimeOffset>(6), reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetInt32(8),
                [.. JsonSerializer.Deserialize<EarlyAccess[]>(reader.GetString(9), EarlyAccessJson)!], reader.GetInt32(10)));
        }

        var page = rows.Take(query.Limit).ToImmutableArray();
        return new CampaignListingPage(page, rows.Count > query.Limit ? new PagePosition(page[^1].StartsAt, page[^1].Id) : null);
    }

    public async Task<string?> MerchantOf(Guid campaignId)
    {
        await using var command = database.CreateCommand("SELECT merchant_id FROM campaign_stock WHERE campaign_id = $1");
        command.Parameters.Add(new() { Value = campaignId });
        return await command.ExecuteScalarAsync() as string;
    }
}
