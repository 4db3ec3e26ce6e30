using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Campaigns;

namespace FlashSale.GrainInterfaces.Wallet;

[GenerateSerializer, Alias("FlashSale.CouponStatus")]
public enum CouponStatus
{
    Available,
    /// <summary>Used by an order that stands (a gift card: its balance used up).</summary>
    Redeemed,
    Expired,
    /// <summary>Given to another shopper: shown to the giver, without its code.</summary>
    Transferred,
}

/// <summary>A coupon as a wallet shows it. <see cref="Code"/> is shown to the holder only.</summary>
/// <param name="Balance">Gift cards: what is left to spend.</param>
/// <param name="Transferable">Its campaign lets it be given to another shopper.</param>
/// <param name="CardSecret">It carries a card secret its holder can reveal.</param>
[GenerateSerializer, Immutable, Alias("FlashSale.WalletCoupon")]
public sealed record WalletCoupon(
    [property: Id(0)] Guid CouponId,
    [property: Id(1)] string? Code,
    [property: Id(2)] Guid CampaignId,
    [property: Id(3)] string CampaignName,
    [property: Id(4)] CouponTerms Terms,
    [property: Id(5)] CouponStatus Status,
    [property: Id(6)] DateTimeOffset IssuedAt,
    [property: Id(7)] DateTimeOffset ExpiresAt,
    [property: Id(8)] decimal? Balance,
    [property: Id(9)] bool Stackable,
    [property: Id(10)] bool Transferable = false,
    [property: Id(11)] bool CardSecret = false);

/// <summary>A page of a wallet, newest first; <see cref="After"/> continues from an earlier page's last coupon.</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.WalletQuery")]
public sealed record WalletQuery(
    [property: Id(0)] CouponStatus? Status,
    [property: Id(1)] PagePosition? After,
    [property: Id(2)] int Limit);

[GenerateSerializer, Immutable, Alias("FlashSale.WalletPage")]
public sealed record WalletPage(
    [property: Id(0)] ImmutableArray<WalletCoupon> Coupons,
    [property: Id(1)] PagePosition? Next);
