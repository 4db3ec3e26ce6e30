namespace FlashSale.FaultInjection.Load;

/// <summary>What a claim asks: the same values, key included, when it is sent again.</summary>
/// <param name="ReusedFrom">Set when the shopper already used this key on that other campaign: this campaign must refuse it (422).</param>
public sealed record ClaimRequest(Guid CampaignId, string ShopperId, string DeviceId, string Key, bool IsReplay, Guid? ReusedFrom = null);
