namespace FlashSale.FaultInjection.Checking.Money;

/// <summary>What PostgreSQL holds about money once the run is over: the tables the money rules (M1-M7) speak of.</summary>
public sealed record MoneyLedger(
    IReadOnlyList<OrderRow> Orders,
    IReadOnlyList<RedemptionRow> Redemptions,
    IReadOnlyList<PointsAccountRow> PointsAccounts,
    IReadOnlyList<PointsEntryRow> PointsEntries,
    IReadOnlyList<GiftCardRow> GiftCards,
    IReadOnlyList<TransferRow> Transfers,
    IReadOnlyList<TopUpRow> TopUps,
    IReadOnlyList<StockRow> Stocks,
    IReadOnlyList<RecycledRow> Recycled,
    IReadOnlyList<Guid> PointsPricedCoupons);

public sealed record OrderRow(string Scope, string OrderId, decimal Amount, decimal Discount, int Coupons, bool Exclusive, bool Refunded);

public sealed record RedemptionRow(
    Guid RedemptionId, Guid CouponId, string OrderId, string Scope, string Kind, decimal Amount, decimal Discount, Guid CampaignId, bool Stackable,
    bool Refunded, string? RefundedBy)
{
    public bool Standing => !Refunded;
}

/// <param name="Balance">Null: the shopper has entries but no account row.</param>
public sealed record PointsAccountRow(string Shopper, long? Balance, long EntriesSum);

public sealed record PointsEntryRow(string Shopper, long Delta, string Reason, Guid? CouponId, Guid? CampaignId, string? CreditKey);

/// <param name="Balance">Null: never spent from, so the card's value.</param>
/// <param name="StandingSpent">What the card's standing uses took.</param>
public sealed record GiftCardRow(Guid CouponId, decimal? Balance, decimal CardValue, decimal StandingSpent);

/// <param name="Code">The coupon's code now.</param>
public sealed record TransferRow(Guid CouponId, string From, string To, string Code, string Holder);

public sealed record TopUpRow(Guid CampaignId, string Key, int Add);

/// <param name="TotalStock">The stock as created and topped up, without recycled units.</param>
public sealed record StockRow(Guid CampaignId, int TotalStock, bool Paused, bool Closed);

public sealed record RecycledRow(Guid CouponId, Guid CampaignId, bool StandingUse);
