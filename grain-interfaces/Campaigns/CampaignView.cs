namespace FlashSale.GrainInterfaces.Campaigns;

[GenerateSerializer, Alias("FlashSale.CampaignPhase")]
public enum CampaignPhase
{
    Scheduled,
    Open,
    SoldOut,
    Ended,
}

/// <summary>A campaign with its live stock, as the campaign grain sees it right now.</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.CampaignView")]
public sealed record CampaignView(
    [property: Id(0)] CampaignDefinition Definition,
    [property: Id(1)] int Issued,
    [property: Id(2)] int Remaining,
    [property: Id(3)] CampaignPhase Phase,
    [property: Id(4)] DateTimeOffset AsOf);
