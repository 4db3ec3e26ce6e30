using System.Collections.Immutable;

namespace FlashSale.GrainInterfaces.Wallet;

/// <summary>
/// One thing that happened to a coupon: <c>issued</c>, <c>transferred</c>, <c>redeemed</c>,
/// <c>refunded</c>, <c>secret_revealed</c> or <c>recycled</c>; who did it, and the other party,
/// order or amount where there is one.
/// </summary>
[GenerateSerializer, Immutable, Alias("FlashSale.CouponEvent")]
public sealed record CouponEvent(
    [property: Id(0)] string Kind,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string? Actor,
    [property: Id(3)] string? Counterpart,
    [property: Id(4)] string? OrderId,
    [property: Id(5)] decimal? Amount);

/// <summary>Admins' view of a coupon's history, from the ledger and the wallet's tables.</summary>
[Alias("FlashSale.ICouponHistoryGrain")]
public interface ICouponHistoryGrain : IGrainWithIntegerKey
{
    /// <summary>Oldest first; empty when there is no such coupon.</summary>
    [Alias("Of")]
    Task<ImmutableArray<CouponEvent>> Of(Guid couponId);
}
