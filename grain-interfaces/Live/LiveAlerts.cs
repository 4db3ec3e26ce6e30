using FlashSale.GrainInterfaces.Wallet;

namespace FlashSale.GrainInterfaces.Live;

/// <summary>An alert for operators (roles marketing and admin), mostly about one campaign.</summary>
/// <param name="Kind">
/// <c>low_stock</c> (remaining fell to <see cref="Threshold"/> percent of the stock or below),
/// <c>sold_out</c>, <c>risk_spike</c> (<see cref="Threshold"/> risk refusals within one second), or
/// <c>risk_escalation</c> (a subject's score passed <see cref="Threshold"/> and it was blocked; <see cref="Detail"/> says which and why),
/// or <c>invariant_breach</c> (the auditor of the books found an invariant broken; <see cref="Detail"/> names it, the subject and
/// what is wrong; <see cref="CampaignId"/> is empty when the subject is no campaign's).
/// </param>
[GenerateSerializer, Immutable, Alias("FlashSale.OperatorAlert")]
public sealed record OperatorAlert(
    [property: Id(0)] Guid CampaignId,
    [property: Id(1)] string Kind,
    [property: Id(2)] int? Threshold,
    [property: Id(3)] int Remaining,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] string? Detail = null);

/// <summary>An alert that just entered a shopper's inbox, to push to that shopper's connections only.</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.ShopperAlert")]
public sealed record ShopperAlert(
    [property: Id(0)] string ShopperId,
    [property: Id(1)] Alert Alert);
