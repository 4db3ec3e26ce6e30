using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Claims;
using FlashSale.GrainInterfaces.Gates;
using FlashSale.GrainInterfaces.Live;
using FlashSale.GrainInterfaces.Wallet;

namespace FlashSale.GrainInterfaces.Campaigns;

/// <summary>
/// One campaign's stock. Every claim on the campaign goes through this grain, which admits it
/// against the stock and limits held in memory and group-commits admitted claims to the ledger.
/// </summary>
[Alias("FlashSale.ICampaignGrain")]
public interface ICampaignGrain : IGrainWithGuidKey
{
    /// <summary>Creates the campaign, as a draft or scheduled; returns null when a campaign with this id already exists.</summary>
    [Alias("Create")]
    Task<CampaignView?> Create(CampaignDefinition definition, bool draft);

    /// <summary>Creates a campaign of batches or variants: each unit's campaign first, then the group that lists them.</summary>
    [Alias("CreateGroup")]
    Task<CampaignView?> CreateGroup(CampaignDefinition group, ImmutableArray<CampaignDefinition> units, bool draft);

    /// <summary>
    /// Replaces the definition of a campaign that has not opened yet (a draft, or scheduled before its
    /// start). <paramref name="changes"/> is the audit's JSON of what changed.
    /// </summary>
    [Alias("Edit")]
    Task<CampaignChangeResult> Edit(CampaignDefinition definition, string actor, string changes);

    /// <summary>The campaign with live counts, or null when it does not exist.</summary>
    [Alias("Get")]
    Task<CampaignView?> Get();

    [Alias("Claim")]
    Task<ClaimResult> Claim(ClaimRequest request);

    /// <summary>Refusals an API node made by itself, by code, for the campaign's dashboards.</summary>
    [Alias("CountRefusals"), OneWay]
    Task CountRefusals(System.Collections.Immutable.ImmutableDictionary<string, int> refusals);

    /// <summary>A batch's or variant's latest snapshot, sent to its group, whose own snapshots add its units' up.</summary>
    [Alias("UnitInventory"), OneWay]
    Task UnitInventory(InventorySnapshot snapshot);

    /// <summary>The campaign's stock for dashboards right now; null when it does not exist.</summary>
    [Alias("Snapshot")]
    Task<InventorySnapshot?> Snapshot();

    /// <summary>The stock grew to <paramref name="stock"/> (coupons recycled); a lower figure than known is ignored.</summary>
    [Alias("Restock")]
    Task Restock(int stock);

    /// <summary>
    /// Gives a coupon of this campaign to another shopper, on campaigns whose received coupons count
    /// against the recipient's per-user limit: here, where that limit is counted for claims too.
    /// </summary>
    [Alias("Transfer")]
    Task<TransferResult> Transfer(Guid couponId, string fromShopper, string toShopper);

    /// <summary>Marketing's controls during the sale: pause, resume, end now, top up the stock. Each is audited.</summary>
    [Alias("Change")]
    Task<CampaignChangeResult> Change(CampaignChange change);

    /// <summary>Tells dashboards and API nodes the campaign's state now (its schedule calls this at the opening).</summary>
    [Alias("Announce")]
    Task Announce();

    /// <summary>
    /// Made ready for the opening (its schedule calls this shortly before): activated (which reads its
    /// ledger and pushes its gate to API nodes), its limit counters activated, and kept active until
    /// the opening has passed.
    /// </summary>
    [Alias("Warm")]
    Task Warm();

    /// <summary>
    /// The campaign's gate as of now, with its holders when it refuses and they are all known: for an
    /// API node that holds a refusing gate without them (refusals carry none, and a push may be missed).
    /// </summary>
    [Alias("Gate")]
    Task<CampaignGate?> Gate();

    /// <summary>
    /// The sale is over (its schedule calls this at the end): announces it, saves the refusal counts
    /// and freezes the claims' results. Does nothing before the end.
    /// </summary>
    [Alias("Close")]
    Task Close();

    /// <summary>The campaign's results so far; null when it does not exist.</summary>
    [Alias("Results")]
    Task<CampaignResults?> Results();

    /// <summary>
    /// A paid sale's orders were paid, lapsed or refunded: the ledger's counts and the stock it now
    /// counts against (lapsed orders' units given back). Older reports than known are ignored.
    /// </summary>
    [Alias("SaleSettled")]
    Task SaleSettled(SaleCounts counts, int stock);

    /// <summary>Every change made to the campaign since its creation, oldest first.</summary>
    [Alias("Changes")]
    Task<ImmutableArray<CampaignChangeEntry>> Changes();
}
