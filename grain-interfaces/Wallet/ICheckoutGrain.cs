namespace FlashSale.GrainInterfaces.Wallet;

/// <summary>A merchant's till: redeems a coupon by the code the shopper shows, and cancels orders it redeemed.</summary>
[Alias("FlashSale.ICheckoutGrain")]
public interface ICheckoutGrain : IGrainWithIntegerKey
{
    [Alias("Redeem")]
    Task<RedeemResult> Redeem(string code, OrderAmount order, string merchantId);

    [Alias("Refund")]
    Task<RefundResult> Refund(string orderId, string merchantId);
}
