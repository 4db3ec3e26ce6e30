namespace FlashSale.FaultInjection.Load;

/// <summary>
/// The campaigns under load: two raced by shoppers (one too big to sell out, so coupons are issued
/// through every fault, and one that sells out during the run; both limit devices); three that
/// marketing controls during the faults (paused and resumed, ended, topped up); and the money
/// campaigns whose coupons shoppers and tills redeem, refund and give away.
/// </summary>
public sealed record Sale(SaleCampaign Plenty, SaleCampaign Scarce, ControlledCampaigns Controlled, MoneyCampaigns Money)
{
    public IReadOnlyList<SaleCampaign> Campaigns => [Plenty, Scarce, .. Controlled.All, .. Money.All];

    /// <summary>The campaigns with device limits, whose accounts per device are checked.</summary>
    public IReadOnlyList<SaleCampaign> DeviceLimited => [Plenty, Scarce];
}

/// <param name="MaxClaimsPerDevice">Null: the campaign sets no device limit.</param>
public sealed record SaleCampaign(string Name, Guid Id, int TotalStock, int PerUserLimit, int? MaxClaimsPerDevice = null, int? MaxAccountsPerDevice = null);

/// <summary>Campaigns that marketing changes while shoppers claim: paused and resumed over and over, ended once, topped up.</summary>
public sealed record ControlledCampaigns(SaleCampaign Paused, SaleCampaign Ended, SaleCampaign ToppedUp)
{
    /// <summary>The topped-up campaign's stock before its first top-up: it sells out within seconds of the load.</summary>
    public const int FirstStock = 40;

    public IReadOnlyList<SaleCampaign> All => [Paused, Ended, ToppedUp];
}

/// <summary>
/// The money campaigns: two stackable discounts (transferable), an exclusive one, a gift card
/// (transferable), a points card, a points-priced coupon, another merchant's coupon, and one whose
/// coupons expire seconds after the claim and are recycled.
/// </summary>
public sealed record MoneyCampaigns(
    SaleCampaign Stackable, SaleCampaign Threshold, SaleCampaign Exclusive, SaleCampaign GiftCard, SaleCampaign PointsCard,
    SaleCampaign PointsPriced, SaleCampaign OtherMerchant, SaleCampaign Expiring)
{
    public const decimal CardValue = 100;
    public const long CardPoints = 100;
    public const long Price = 50;
    public const string OtherMerchantId = "fault-merchant-b";

    public IReadOnlyList<SaleCampaign> All => [Stackable, Threshold, Exclusive, GiftCard, PointsCard, PointsPriced, OtherMerchant, Expiring];
}
