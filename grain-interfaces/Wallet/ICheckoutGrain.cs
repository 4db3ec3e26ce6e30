namespace FlashSale.GrainInterfaces.Wallet;

/// <summary>
/// A merchant's till: redeems a coupon of the merchant's campaigns by the code the shopper shows,
/// and cancels orders the merchant's tills redeemed.
/// </summary>
[Alias("FlashSale.ICheckoutGrain")]
public interface ICheckoutGrain : IGrainWithIntegerKey
{
    [Alias("RedeemForMerchant")]
    Task<RedeemResult> Redeem(string code, OrderAmount order, MerchantUser till);

    [Alias("RefundForMerchant")]
    Task<RefundResult> Refund(string orderId, MerchantUser till);
}

/// <summary>A till's user, and the merchant (tenant) it works for.</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.MerchantUser")]
public sealed record MerchantUser(
    [property: Id(0)] string UserId,
    [property: Id(1)] string MerchantId);
