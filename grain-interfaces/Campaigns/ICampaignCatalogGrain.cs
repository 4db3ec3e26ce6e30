using System.Collections.Immutable;

namespace FlashSale.GrainInterfaces.Campaigns;

/// <summary>Finds campaigns in the ledger; stateless, any silo answers. Their live state comes from their own grains.</summary>
[Alias("FlashSale.ICampaignCatalogGrain")]
public interface ICampaignCatalogGrain : IGrainWithIntegerKey
{
    /// <summary>Campaigns by opening time (then id), soonest first.</summary>
    [Alias("Find")]
    Task<CampaignIdPage> Find(CampaignQuery query);
}

/// <summary>Which campaigns to list.</summary>
/// <param name="States">Phase names (<see cref="CampaignPhases.Name"/>, and <c>draft</c>) to include.</param>
/// <param name="From">Only campaigns that open at or after this instant.</param>
/// <param name="To">Only campaigns that open before this instant.</param>
/// <param name="Now">The instant the phases are judged at.</param>
[GenerateSerializer, Immutable, Alias("FlashSale.CampaignQuery")]
public sealed record CampaignQuery(
    [property: Id(0)] ImmutableArray<string> States,
    [property: Id(1)] DateTimeOffset? From,
    [property: Id(2)] DateTimeOffset? To,
    [property: Id(3)] DateTimeOffset Now,
    [property: Id(4)] int Limit,
    [property: Id(5)] PagePosition? After);

[GenerateSerializer, Immutable, Alias("FlashSale.CampaignIdPage")]
public sealed record CampaignIdPage(
    [property: Id(0)] ImmutableArray<Guid> Ids,
    [property: Id(1)] PagePosition? Next);
