namespace FlashSale.GrainInterfaces.Campaigns;

/// <summary>Whether a campaign's coupons may be given to another shopper, and how the recipient's limit counts them.</summary>
[GenerateSerializer, Alias("FlashSale.TransferRule")]
public enum TransferRule
{
    /// <summary>They stay with the shopper who claimed them.</summary>
    None,
    /// <summary>They may be given away; a received coupon does not count against the recipient's per-user limit.</summary>
    Free,
    /// <summary>They may be given away; a received coupon counts against the recipient's per-user limit like a claim.</summary>
    WithinLimit,
}

/// <summary>How a campaign's coupons may be used once claimed.</summary>
/// <param name="Stackable">Whether the coupon combines with others in one order; false: it must be the order's only coupon.</param>
/// <param name="RemindBefore">How long before a coupon expires its holder is reminded, once per threshold.</param>
/// <param name="RecycleExpired">Coupons that expire unused while the sale is open go back into stock.</param>
[GenerateSerializer, Immutable, Alias("FlashSale.CouponUse")]
public sealed record CouponUse(
    [property: Id(0)] TransferRule Transfer,
    [property: Id(1)] bool Stackable,
    [property: Id(2)] TimeSpan[]? RemindBefore = null,
    [property: Id(3)] bool RecycleExpired = false)
{
    public static CouponUse Default { get; } = new(TransferRule.None, true);

    public TimeSpan[] Reminders => RemindBefore ?? [];
}
