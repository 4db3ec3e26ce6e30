namespace FlashSale.FaultInjection.Load;

/// <summary>What a claim asks: the same values, key included, when it is sent again.</summary>
public sealed record ClaimRequest(Guid CampaignId, string ShopperId, int ShopperIndex, string DeviceId, string Key, bool IsReplay);
