using System.Collections.Immutable;

namespace FlashSale.GrainInterfaces.Wallet;

/// <summary>An alert in a shopper's inbox: for now, a coupon that expires within <see cref="RemindBefore"/>.</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.Alert")]
public sealed record Alert(
    [property: Id(0)] Guid AlertId,
    [property: Id(1)] string Kind,
    [property: Id(2)] Guid CouponId,
    [property: Id(3)] Guid CampaignId,
    [property: Id(4)] string CampaignName,
    [property: Id(5)] TimeSpan RemindBefore,
    [property: Id(6)] DateTimeOffset ExpiresAt,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] bool Read);

/// <summary>A page of the inbox, newest first; <see cref="Next"/> continues it.</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.AlertPage")]
public sealed record AlertPage(
    [property: Id(0)] ImmutableArray<Alert> Alerts,
    [property: Id(1)] PagePosition? Next);
