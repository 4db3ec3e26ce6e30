namespace FlashSale.GrainInterfaces;

/// <summary>
/// Where a page ended, for lists ordered by a time, then an id: coupons by issue time and alerts by
/// creation (newest first), campaigns by opening (soonest first).
/// </summary>
[GenerateSerializer, Immutable, Alias("FlashSale.PagePosition")]
public sealed record PagePosition(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] Guid Id);
