using FlashSale.GrainInterfaces.Claims;

namespace FlashSale.GrainInterfaces.Risk;

/// <summary>
/// A campaign grain's request to count one claim against the limits that span campaigns: the
/// shopper's daily cap, and the device's limits when the campaign sets any. The reservation counts
/// until it is confirmed (the claim committed) or released (it did not), or until it expires, after
/// which the counter reads the ledger again.
/// </summary>
[GenerateSerializer, Immutable, Alias("FlashSale.LimitReservation")]
public sealed record LimitReservation(
    [property: Id(0)] Guid ReservationId,
    [property: Id(1)] Guid CampaignId,
    [property: Id(2)] string ShopperId,
    [property: Id(3)] string DeviceId,
    [property: Id(4)] DateOnly Day,
    [property: Id(5)] int DailyClaimCap,
    [property: Id(6)] RiskPolicy Policy,
    [property: Id(7)] int PointsPrice = 0);

/// <summary>
/// The shopper counter's answer: the shopper's day slot the claim takes (1..cap), or a refusal
/// (the daily cap, or points that do not cover a points-priced claim).
/// </summary>
[GenerateSerializer, Immutable, Alias("FlashSale.DailySlot")]
public sealed record DailySlot(
    [property: Id(0)] int Slot,
    [property: Id(1)] ClaimOutcome? Refusal = null);

/// <summary>
/// The device counter's answer: the slots the claim takes among the device's accounts (0 when the
/// shopper already counts there), its claims on the campaign and its claims of the day; or a refusal
/// naming the rule (<see cref="RiskRules"/>) that refused it.
/// </summary>
[GenerateSerializer, Immutable, Alias("FlashSale.DeviceSlots")]
public sealed record DeviceSlots(
    [property: Id(0)] int AccountSlot,
    [property: Id(1)] int CampaignSlot,
    [property: Id(2)] int DaySlot,
    [property: Id(3)] string? RefusedBy = null);
