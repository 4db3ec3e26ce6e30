using System.Collections.Immutable;
using FlashSale.GrainInterfaces;
using FlashSale.GrainInterfaces.Campaigns;
using Npgsql;

namespace FlashSale.Grains.Campaigns;

[StatelessWorker]
public sealed class CampaignCatalogGrain(NpgsqlDataSource database) : Grain, ICampaignCatalogGrain
{
    public async Task<CampaignIdPage> Find(CampaignQuery query)
    {
        // The phase as the campaign grain would judge it at the same instant, from the ledger's row.
        await using var command = database.CreateCommand(
            """
            SELECT campaign_id, starts_at FROM (
                SELECT campaign_id, starts_at, ends_at,
                       CASE WHEN draft THEN 'draft'
                            WHEN $1 < starts_at THEN 'scheduled'
                            WHEN $1 >= ends_at THEN 'ended'
                            WHEN paused THEN 'paused'
                            WHEN issued >= total_stock + recycled THEN 'sold_out'
                            ELSE 'open' END AS phase
                  FROM campaign_stock
                 WHERE starts_at IS NOT NULL) c
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
        var rows = new List<PagePosition>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new PagePosition(reader.GetFieldValue<DateTimeOffset>(1), reader.GetGuid(0)));
        }

        var page = rows.Take(query.Limit).ToImmutableArray();
        return new CampaignIdPage([.. page.Select(r => r.Id)], rows.Count > query.Limit ? page[^1] : null);
    }
}
