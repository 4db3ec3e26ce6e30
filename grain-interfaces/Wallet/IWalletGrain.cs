using System.Collections.Immutable;
using Orleans.Concurrency;

namespace FlashSale.GrainInterfaces.Wallet;

/// <summary>One shopper's wallet (key: the shopper id): the coupons they hold and what they do with them.</summary>
[Alias("FlashSale.IWalletGrain")]
public interface IWalletGrain : IGrainWithStringKey
{
    [Alias("List"), ReadOnly]
    Task<WalletPage> List(WalletQuery query);

    /// <summary>Uses one of the shopper's coupons at checkout; idempotent by order id.</summary>
    [Alias("Redeem")]
    Task<RedeemResult> Redeem(Guid couponId, OrderAmount order);

    /// <summary>The set of the shopper's coupons that saves the most on an order of this amount.</summary>
    [Alias("Plan"), ReadOnly]
    Task<CheckoutPlan> Plan(decimal amount, string currency);

    /// <summary>Redeems a set of coupons on one order, all or none (the best set when none are named); idempotent by order id.</summary>
    [Alias("Checkout")]
    Task<CheckoutResult> Checkout(OrderAmount order, ImmutableArray<Guid> couponIds);

    /// <summary>Cancels an order the shopper's coupons were used on: they come back while still valid.</summary>
    [Alias("Refund")]
    Task<RefundResult> Refund(string orderId);

    /// <summary>The shopper's latest orders that used their coupons, newest first, cancelled ones included.</summary>
    [Alias("Orders"), ReadOnly]
    Task<ImmutableArray<CouponOrder>> Orders(int limit);

    [Alias("Points"), ReadOnly]
    Task<PointsBalance> Points();

    /// <summary>Redeems one of the shopper's points cards into their balance, once.</summary>
    [Alias("RedeemPointsCard")]
    Task<PointsCardResult> RedeemPointsCard(Guid couponId);

    /// <summary>Adds points to the balance (an admin's credit), with who and why; once per idempotency key when one is given.</summary>
    [Alias("CreditOnce")]
    Task<PointsCredit> Credit(long points, string note, string creditedBy, string? idempotencyKey);

    [Alias("Alerts"), ReadOnly]
    Task<AlertPage> Alerts(bool unreadOnly, PagePosition? after, int limit);

    /// <summary>False when the shopper has no such alert.</summary>
    [Alias("MarkRead")]
    Task<bool> MarkRead(Guid alertId);

    /// <summary>The card secret of one of the shopper's coupons; every reveal is audited.</summary>
    [Alias("RevealSecret")]
    Task<SecretReveal> RevealSecret(Guid couponId);

    /// <summary>Gives an available coupon to another shopper, when its campaign allows it.</summary>
    [Alias("Transfer")]
    Task<TransferResult> Transfer(Guid couponId, string recipientId);
}
