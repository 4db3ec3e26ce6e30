using FlashSale.GrainInterfaces.Wallet;
using Orleans.Concurrency;

namespace FlashSale.Grains.Wallet;

/// <summary>Merchants' redemptions by code. Stateless: the order's and the coupon's row locks decide between racing tills.</summary>
[StatelessWorker]
public sealed class CheckoutGrain(OrderBook orders, TimeProvider clock) : Grain, ICheckoutGrain
{
    public Task<RedeemResult> Redeem(string code, OrderAmount order, MerchantUser till) =>
        orders.RedeemAsync(CouponRef.ByCode(code), OrderScope.Merchant(till.MerchantId), till.MerchantId, till.UserId, order, clock.GetUtcNow());

    public Task<RefundResult> Refund(string orderId, MerchantUser till) =>
        orders.RefundAsync(orderId, OrderScope.Merchant(till.MerchantId), till.UserId, clock.GetUtcNow());
}
