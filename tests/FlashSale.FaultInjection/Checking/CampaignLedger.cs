namespace FlashSale.FaultInjection.Checking;

/// <summary>What PostgreSQL and the API say about one campaign once the run is over.</summary>
/// <param name="TotalStock">Created and topped up, with the units recycled coupons gave back.</param>
public sealed record CampaignLedger(
    string Name, Guid CampaignId, int TotalStock, int IssuedCounter, long CouponRows, long MostPerShopper, long MostPerDevice,
    int ApiIssued, int ApiRemaining, int ApiTotalStock, string ApiState);
