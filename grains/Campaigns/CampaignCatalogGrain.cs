using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Campaigns;
using Npgsql;
using Orleans.Concurrency;

namespace FlashSale.Grains.Campaigns;

[StatelessWorker]
public sealed class CampaignCatalogGrain(NpgsqlDataSource database) : Grain, ICampaignCatalogGrain
{
    public async Task<ImmutableArray<Guid>> NotEnded(DateTimeOffset now, int limit)
    {
        await using var command = database.CreateCommand(
            """
            SELECT campaign_id FROM campaign_stock
             WHERE ends_at > $1 AND starts_at IS NOT NULL
             ORDER BY starts_at, campaign_id
             LIMIT $2
            """);
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(new() { Value = limit });
        var ids = ImmutableArray.CreateBuilder<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids.ToImmutable();
    }
}
