namespace FlashSale.Tests.Money.Model;

public enum CouponStatus
{
    Available,
    Redeemed,
    Expired,
    Transferred,
}

/// <summary>A campaign in the model: its terms, whose it is, and what it issued.</summary>
public sealed class ModelCampaign(Guid id, CampaignSpec spec, string merchantId)
{
    public Guid Id { get; } = id;
    public CampaignSpec Spec { get; } = spec;
    public string MerchantId { get; } = merchantId;
    public int Issued { get; set; }

    /// <summary>Units the recycler has certainly given back: a claim past the stock proved it.</summary>
    public int RecycledAtLeast { get; set; }

    public ModelCampaign Clone() => (ModelCampaign)MemberwiseClone();
}

/// <summary>A coupon in the model. <see cref="Code"/> is null from a transfer until the test reads the new holder's wallet.</summary>
public sealed class ModelCoupon
{
    public required Guid Id { get; init; }
    public required Guid Campaign { get; init; }
    public required Kind Kind { get; init; }
    public required string ClaimedBy { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public required string Holder { get; set; }
    public required string? Code { get; set; }

    /// <summary>Gift cards: what is left to spend.</summary>
    public decimal Balance { get; set; }

    /// <summary>Gift cards: spent from at least once (the database then keeps a balance, and the unit is never recycled).</summary>
    public bool EverSpent { get; set; }

    /// <summary>Single-use coupons: used on an order at least once, refunded since or not.</summary>
    public bool EverUsed { get; set; }

    /// <summary>Single-use coupons: a standing use on an order, or a points card turned into points.</summary>
    public bool Used { get; set; }

    /// <summary>The shopper who claimed it gave it away: replays of that claim carry no code from then on.</summary>
    public bool GivenAwayByClaimer { get; set; }

    public CouponStatus StatusAt(DateTimeOffset now) =>
        Used || (Kind == Kind.Giftcard && Balance == 0) ? CouponStatus.Redeemed
        : now >= ExpiresAt ? CouponStatus.Expired
        : CouponStatus.Available;

    public ModelCoupon Clone() => (ModelCoupon)MemberwiseClone();
}

/// <summary>One coupon's use on an order.</summary>
public sealed record ModelUse(Guid Coupon, Guid Campaign, bool Stackable, decimal Discount, string RedeemedBy, string? Code, string? RefundedBy = null)
{
    public bool Refunded => RefundedBy is not null;
}

/// <summary>An order of one scope (<c>shopper:&lt;id&gt;</c> or <c>merchant:&lt;id&gt;</c>), as its first use made it.</summary>
public sealed class ModelOrder(string scope, string id, decimal amount, string currency)
{
    public string Scope { get; } = scope;
    public string Id { get; } = id;
    public decimal Amount { get; } = amount;
    public string Currency { get; } = currency;
    public bool Refunded { get; set; }
    public List<ModelUse> Uses { get; private init; } = [];

    public IEnumerable<ModelUse> Standing => Uses.Where(u => !u.Refunded);

    public bool Matches(decimal amount, string currency) => !Refunded && Amount == amount && Currency == currency;

    public ModelOrder Clone() => new(Scope, Id, Amount, Currency) { Refunded = Refunded, Uses = [.. Uses] };
}

/// <summary>A coupon given from one shopper to another; counted against the recipient's limit on within-limit campaigns.</summary>
public sealed record ModelTransfer(Guid Coupon, string From, string To, bool Counted);

/// <summary>A points change with its cause: credit, claim (a points price) or points_card.</summary>
public sealed record ModelPointsEntry(string Shopper, string Reason, long Delta);
