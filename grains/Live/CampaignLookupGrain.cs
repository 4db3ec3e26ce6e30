using FlashSale.GrainInterfaces.Live;
using Npgsql;

namespace FlashSale.Grains.Live;

/// <summary>
/// One primary-key lookup per question. A campaign's ledger row is written before its grain's state
/// (see <c>CampaignGrain.Create</c>), so every campaign a grain knows has one; a row whose grain state
/// a crash never wrote says "exists", and the grain then says "not found" itself.
/// </summary>
[StatelessWorker]
public sealed class CampaignLookupGrain(NpgsqlDataSource database) : Grain, ICampaignLookupGrain
{
    public async Task<bool> Exists(Guid campaignId)
    {
        await using var command = database.CreateCommand("SELECT EXISTS (SELECT 1 FROM campaign_stock WHERE campaign_id = $1)");
        command.Parameters.Add(new() { Value = campaignId });
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
