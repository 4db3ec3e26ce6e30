using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Gates;

namespace FlashSale.GrainInterfaces.Claims;

[GenerateSerializer, Alias("FlashSale.ClaimOutcome")]
public enum ClaimOutcome
{
    /// <summary>A coupon was committed for this request.</summary>
    Issued,
    /// <summary>The key was seen before on this campaign: the original coupon, unchanged.</summary>
    Replayed,
    CampaignNotFound,
    NotStarted,
    Ended,
    SoldOut,
    LimitReached,
    /// <summary>The shopper already used this key on another campaign.</summary>
    KeyReused,
    /// <summary>The device is at one of the campaign's device limits (accounts, claims on the campaign, claims today).</summary>
    DeviceLimitReached,
    /// <summary>The shopper reached the daily claim cap across campaigns.</summary>
    DailyLimitReached,
    /// <summary>The write carrying this claim failed; nothing was issued under this key, retrying it is safe.</summary>
    Unavailable,
    /// <summary>A points-priced campaign, and the shopper's points do not cover the price.</summary>
    InsufficientPoints,
    /// <summary>Marketing paused the sale.</summary>
    Paused,
    /// <summary>The campaign is an unpublished draft: to shoppers it does not exist (yet).</summary>
    Draft,
    // Appended: the values travel as numbers between silos and API nodes of two releases.
    /// <summary>A paid sale: an order holding a unit was committed; its coupon follows the payment (<see cref="ClaimResult.Order"/>).</summary>
    Ordered,
}

/// <summary>
/// The answer to a claim. <see cref="Gate"/> rides along on refusals caused by the campaign's
/// phase, so the API node can refuse the next such claims itself.
/// </summary>
[GenerateSerializer, Immutable, Alias("FlashSale.ClaimResult")]
public sealed record ClaimResult(
    [property: Id(0)] ClaimOutcome Outcome,
    [property: Id(1)] IssuedCoupon? Coupon = null,
    [property: Id(2)] CampaignGate? Gate = null,
    [property: Id(3)] DateTimeOffset? Now = null,
    [property: Id(4)] PlacedOrder? Order = null)
{
    public static ClaimResult Refused(ClaimOutcome outcome, CampaignGate? gate = null, DateTimeOffset? now = null) =>
        new(outcome, null, gate, now);
}

/// <summary>
/// The order a claim on a paid sale placed (its id is the coupon's): to be paid by
/// <see cref="Deadline"/>, or its unit goes back to the stock.
/// </summary>
[GenerateSerializer, Immutable, Alias("FlashSale.PlacedOrder")]
public sealed record PlacedOrder(
    [property: Id(0)] Guid OrderId,
    [property: Id(1)] long AmountFen,
    [property: Id(2)] int Points,
    [property: Id(3)] DateTimeOffset Deadline);
