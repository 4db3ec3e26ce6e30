namespace FlashSale.GrainInterfaces.Campaigns;

[GenerateSerializer, Alias("FlashSale.CampaignPhase")]
public enum CampaignPhase
{
    Scheduled,
    Open,
    SoldOut,
    Ended,
    /// <summary>Marketing paused the sale: claims are refused until it resumes.</summary>
    Paused,
    /// <summary>Not published yet: invisible to shoppers, and it does not open at its start.</summary>
    Draft,
}

public static class CampaignPhases
{
    /// <summary>The phase as the API and live dashboards spell it.</summary>
    public static string Name(this CampaignPhase phase) => phase switch
    {
        CampaignPhase.Scheduled => "scheduled",
        CampaignPhase.Open => "open",
        CampaignPhase.SoldOut => "sold_out",
        CampaignPhase.Paused => "paused",
        CampaignPhase.Draft => "draft",
        _ => "ended",
    };

    /// <summary>A group's state: its own phase, but sold out once every one of its <paramref name="units"/> is.</summary>
    public static string GroupState(this CampaignPhase group, IReadOnlyCollection<string> unitStates, int units) =>
        group == CampaignPhase.Open && unitStates.Count == units && unitStates.All(s => s == CampaignPhase.SoldOut.Name())
            ? CampaignPhase.SoldOut.Name()
            : group.Name();
}

/// <summary>
/// A campaign with its live stock, as the campaign grain sees it right now:
/// <c>Issued + Held + Remaining</c> is the stock (recycled units included, units of lapsed orders not).
/// </summary>
/// <param name="Held">Orders of a paid sale waiting for payment, each holding a unit; 0 on other campaigns.</param>
[GenerateSerializer, Immutable, Alias("FlashSale.CampaignView")]
public sealed record CampaignView(
    [property: Id(0)] CampaignDefinition Definition,
    [property: Id(1)] int Issued,
    [property: Id(2)] int Remaining,
    [property: Id(3)] CampaignPhase Phase,
    [property: Id(4)] DateTimeOffset AsOf,
    [property: Id(5)] int Held = 0);
