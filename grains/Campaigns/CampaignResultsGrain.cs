using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Campaigns;

namespace FlashSale.Grains.Campaigns;

[StatelessWorker]
public sealed class CampaignResultsGrain(CampaignResultsStore results, TimeProvider clock) : Grain, ICampaignResultsGrain
{
    public async Task<CampaignResults?> Of(Guid campaignId)
    {
        if (await results.IsGroupAsync(campaignId))
        {
            return await GroupAsync(campaignId);
        }

        return await results.ClosedAsync(campaignId, clock.GetUtcNow()) ?? await GrainFactory.GetGrain<ICampaignGrain>(campaignId).Results();
    }

    // A group issues nothing itself: its figures are its units', added up.
    private async Task<CampaignResults?> GroupAsync(Guid campaignId)
    {
        if (await GrainFactory.GetGrain<ICampaignGrain>(campaignId).Get() is not { } group)
        {
            return null;
        }

        var units = group.Definition.Units;
        var parts = await Task.WhenAll(units.Select(unit => Of(unit.CampaignId)));
        var all = parts.OfType<CampaignResults>().ToList();
        var d = group.Definition;
        // While it runs, a shopper who claimed in two batches counts twice; its close counts each once.
        var closed = await results.ClosedAsync(campaignId, clock.GetUtcNow());
        return new CampaignResults(d.Id, d.Name, group.Phase.GroupState([.. all.Select(r => r.State)], units.Length), all.Sum(r => r.TotalStock), all.Sum(r => r.Issued), d.Terms.Currency,
            d.StartsAt, closed?.Claimants ?? all.Sum(r => r.Claimants), all.Sum(r => r.Redeemed), all.Sum(r => r.DiscountGiven),
            all.All(r => r.SoldOutAt is not null) ? all.Max(r => r.SoldOutAt) : null,
            all.SelectMany(r => r.Refusals).GroupBy(p => p.Key, StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.Sum(p => p.Value), StringComparer.Ordinal),
            all.SelectMany(r => r.Risk).GroupBy(v => v.Key, StringComparer.Ordinal).ToImmutableDictionary(v => v.Key,
                v => v.SelectMany(r => r.Value).GroupBy(p => p.Key, StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.Sum(p => p.Value), StringComparer.Ordinal),
                StringComparer.Ordinal),
            clock.GetUtcNow(), closed?.Closed,
            [.. units.Zip(parts).Where(p => p.Second is not null).Select(p => new UnitResults(p.First.Kind, p.First.Key, p.Second!))]);
    }
}
