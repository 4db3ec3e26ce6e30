namespace FlashSale.Grains.Ledger;

/// <summary>A campaign's ledger as committed: the counter row and every coupon row, in commit order.</summary>
public sealed record LedgerSnapshot(int TotalStock, int PerUserLimit, int Issued, IReadOnlyList<LedgerCoupon> Coupons);

/// <summary>One committed coupon row, as the campaign grain needs it to answer replays and count limits.</summary>
public sealed record LedgerCoupon(
    Guid CouponId,
    string ShopperId,
    string IdempotencyKey,
    string Code,
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
    DateTimeOffset ExpiresAt);

/// <summary>Where an idempotency key that a batch tried to use already has a coupon.</summary>
public sealed record KeyOwner(string ShopperId, string IdempotencyKey, Guid CampaignId);
