namespace FlashSale.FaultInjection.Load;

/// <summary>
/// The campaigns under load: one too big to sell out, so coupons are issued through every fault, and
/// one that sells out during the run. Both limit devices, so that device limits are checked too.
/// </summary>
public sealed record Sale(SaleCampaign Plenty, SaleCampaign Scarce)
{
    public IReadOnlyList<SaleCampaign> Campaigns => [Plenty, Scarce];
}

public sealed record SaleCampaign(Guid Id, int TotalStock, int PerUserLimit, int MaxClaimsPerDevice, int MaxAccountsPerDevice);
