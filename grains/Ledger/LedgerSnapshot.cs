using FlashSale.GrainInterfaces.Campaigns;

namespace FlashSale.Grains.Ledger;

/// <summary>
/// A campaign's ledger counters as committed, what an activation starts from: the counter row, when
/// its last coupon was issued, how many counted receipts it has; and marketing's changes to the sale
/// (paused, the end brought forward, still a draft), which the ledger keeps with their audit. No
/// coupon rows: the grain reads those per shopper as it meets them (<see cref="LedgerShoppers"/>).
/// </summary>
/// <param name="Sale">A paid sale's order counts; null or all zero on other campaigns.</param>
public sealed record LedgerSnapshot(int TotalStock, int PerUserLimit, int Issued, DateTimeOffset? LastIssuedAt, long Receipts,
    bool Paused, DateTimeOffset? EndsAt, bool Draft, SaleCounts? Sale = null);

/// <summary>Some shoppers' coupons on one campaign, each shopper's in slot order, and the coupons they received that count against their limit.</summary>
public sealed record LedgerShoppers(IReadOnlyList<LedgerCoupon> Coupons, IReadOnlyDictionary<string, int> Received);

/// <summary>One committed coupon row, as the campaign grain needs it to answer replays and count limits.</summary>
/// <param name="Code">Null once the coupon has been given away: replays to its claimant do not carry the holder's code.</param>
public sealed record LedgerCoupon(
    Guid CouponId,
    string ShopperId,
    string IdempotencyKey,
    string? Code,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt);

/// <summary>A coupon row to insert; its sequence number is assigned in the database from the batch order.</summary>
public sealed record NewCoupon(
    Guid CouponId,
    string ShopperId,
    int ShopperSlot,
    string DeviceId,
    string IdempotencyKey,
    string Code,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    RiskSlots Risk);

/// <summary>
/// The slots a coupon row takes under the limits that span campaigns (see the coupons table); the
/// device's are null on campaigns that do not limit devices.
/// </summary>
public sealed record RiskSlots(DateOnly ClaimDay, int DaySlot, int? DeviceSlot, int? DeviceDaySlot, int? AccountSlot);

/// <summary>The limits a batch's slots must stay within (null means none), and the points each claim costs.</summary>
public sealed record BatchLimits(int DailyClaimCap, int? ClaimsPerDevice, int? ClaimsPerDevicePerDay, int? AccountsPerDevice, int PointsPrice);

/// <summary>Where an idempotency key that a batch tried to use already has a coupon.</summary>
public sealed record KeyOwner(string ShopperId, string IdempotencyKey, Guid CampaignId);

/// <summary>A coupon row claimed from a device on a campaign that limits devices, as the device counter counts it.</summary>
public sealed record DeviceCoupon(string DeviceId, Guid CampaignId, string ShopperId, DateOnly ClaimDay, int DeviceSlot, int DeviceDaySlot, int? AccountSlot);

/// <summary>One campaign's claims for one write, fenced by the issued count its grain expects the ledger to hold.</summary>
public sealed record CampaignBatch(Guid CampaignId, int ExpectedIssued, IReadOnlyList<NewCoupon> Coupons, BatchLimits Limits);
