namespace FlashSale.FaultInjection.Checking;

/// <summary>What PostgreSQL and the API say about one campaign once the run is over.</summary>
public sealed record CampaignLedger(
    Guid CampaignId, int TotalStock, int IssuedCounter, long CouponRows, long MostPerShopper, long MostPerDevice,
    int ApiIssued, int ApiRemaining, int ApiTotalStock, string ApiState);
