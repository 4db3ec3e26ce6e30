using FlashSale.GrainInterfaces.Wallet;
using Orleans.Concurrency;

namespace FlashSale.Grains.Wallet;

/// <summary>Merchants' redemptions by code. Stateless: the coupon's row lock decides between racing tills.</summary>
[StatelessWorker]
public sealed class CheckoutGrain(WalletStore store, TimeProvider clock) : Grain, ICheckoutGrain
{
    public Task<RedeemResult> Redeem(string code, OrderAmount order, string merchantId) =>
        store.RedeemAsync(CouponRef.ByCode(code), merchantId, order, clock.GetUtcNow());

    public Task<RefundResult> Refund(string orderId, string merchantId) =>
        store.RefundAsync(orderId, RefundParty.Merchant, merchantId, clock.GetUtcNow());
}
