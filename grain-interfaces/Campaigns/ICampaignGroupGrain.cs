using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Live;

namespace FlashSale.GrainInterfaces.Campaigns;

/// <summary>
/// A campaign of batches or variants as its units make it (key: the group's id): their snapshots
/// added up for dashboards, the group sold out once every unit is, its controls passed on to each
/// unit, and its close after theirs. The group's record (definition, phase, change log) is kept by
/// the campaign grain of the same id, like any campaign's; that grain issues nothing and hands the
/// units' side here.
/// </summary>
[Alias("FlashSale.ICampaignGroupGrain")]
public interface ICampaignGroupGrain : IGrainWithGuidKey
{
    /// <summary>A unit's latest snapshot: the group's dashboards hear the sum within 200 ms.</summary>
    [Alias("UnitInventory"), OneWay]
    Task UnitInventory(InventorySnapshot snapshot);

    /// <summary>The group's figures now: its units' added up, in the state of <paramref name="group"/>'s phase.</summary>
    [Alias("Snapshot")]
    Task<InventorySnapshot> Snapshot(CampaignView group);

    /// <summary>The group's phase changed: dashboards get its snapshot again, in the new state.</summary>
    [Alias("Republish"), OneWay]
    Task Republish();

    /// <summary>A control done on the group (publish, pause, resume, end), done on each unit too; each audits its own.</summary>
    [Alias("Change")]
    Task Change(ImmutableArray<CampaignUnit> units, CampaignChange change);

    /// <summary>Closes every unit (so that their last claims are in) and counts the group's shoppers, each once across them.</summary>
    [Alias("CloseUnits")]
    Task<int> CloseUnits(ImmutableArray<CampaignUnit> units);
}
