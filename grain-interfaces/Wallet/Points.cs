using System.Collections.Immutable;

namespace FlashSale.GrainInterfaces.Wallet;

/// <summary>One change to a points balance: a claim's debit (with the coupon it bought) or a credit (with who and why).</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.PointsEntry")]
public sealed record PointsEntry(
    [property: Id(0)] long Delta,
    [property: Id(1)] string Reason,
    [property: Id(2)] Guid? CouponId,
    [property: Id(3)] Guid? CampaignId,
    [property: Id(4)] string? Note,
    [property: Id(5)] DateTimeOffset At);

[GenerateSerializer, Alias("FlashSale.PointsCardOutcome")]
public enum PointsCardOutcome
{
    Credited,
    NotFound,
    /// <summary>The coupon is not a points card.</summary>
    NotPointsCard,
    AlreadyRedeemed,
    Expired,
}

/// <summary>A points card redeemed: the points credited and the balance after.</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.PointsCardResult")]
public sealed record PointsCardResult(
    [property: Id(0)] PointsCardOutcome Outcome,
    [property: Id(1)] long Credited = 0,
    [property: Id(2)] long Balance = 0);

[GenerateSerializer, Alias("FlashSale.PointsCreditOutcome")]
public enum PointsCreditOutcome
{
    Credited,
    /// <summary>Retried with its Idempotency-Key: credited once, not again.</summary>
    Replayed,
    /// <summary>The key was used for another credit (another shopper or amount).</summary>
    KeyReused,
}

/// <summary>An admin's credit: what happened, and the balance now.</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.PointsCredit")]
public sealed record PointsCredit(
    [property: Id(0)] PointsCreditOutcome Outcome,
    [property: Id(1)] long Balance = 0);

/// <summary>A shopper's points balance and its latest changes, newest first.</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.PointsBalance")]
public sealed record PointsBalance(
    [property: Id(0)] long Balance,
    [property: Id(1)] ImmutableArray<PointsEntry> Latest);
