using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Wallet;

namespace FlashSale.Grains.Wallet;

/// <summary>A coupon as the wallet tables have it, with its campaign's terms and rules.</summary>
/// <param name="Balance">Gift cards once spent from: what is left; null: the full value.</param>
/// <param name="Used">A single-use coupon with a standing redemption, or a points card ever turned into points.</param>
/// <param name="MerchantId">The merchant whose campaign issued it: the only one whose tills redeem it.</param>
public sealed record CouponRow(
    Guid CouponId,
    string Code,
    Guid CampaignId,
    string CampaignName,
    CouponTerms Terms,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    decimal? Balance,
    bool Stackable,
    string Holder,
    TransferRule Transfer,
    int PerUserLimit,
    bool Used,
    string MerchantId,
    bool CardSecrets)
{
    /// <summary>Gift cards: what can still be spent.</summary>
    public decimal BalanceLeft => Balance ?? Terms.CardValue ?? 0;

    /// <summary>Redeemed wins over expired: a used coupon stays used after its date.</summary>
    public CouponStatus StatusAt(DateTimeOffset now) =>
        Used || (Terms.Kind == CouponKind.Giftcard && BalanceLeft == 0) ? CouponStatus.Redeemed
        : now >= ExpiresAt ? CouponStatus.Expired
        : CouponStatus.Available;

    public WalletCoupon ToWallet(CouponStatus status) => new(
        CouponId,
        status == CouponStatus.Transferred ? null : Code,
        CampaignId,
        CampaignName,
        Terms,
        status,
        IssuedAt,
        ExpiresAt,
        Terms.Kind == CouponKind.Giftcard ? BalanceLeft : null,
        Stackable,
        Transfer != TransferRule.None,
        CardSecrets);
}
