using System.Collections.Immutable;

namespace FlashSale.GrainInterfaces.Live;

/// <summary>
/// A campaign's stock as its grain sees it at <see cref="At"/>: what dashboards draw. Published at
/// most every 200 ms per campaign, and never more than 200 ms after a change.
/// </summary>
/// <param name="ClaimsPerSecond">Coupons committed in the last second.</param>
/// <param name="Rejections">Refused claims since the grain activated, by refusal code.</param>
/// <param name="State"><c>scheduled</c>, <c>open</c>, <c>paused</c>, <c>sold_out</c> or <c>ended</c>.</param>
/// <param name="Held">Units held by orders waiting for payment (paid sales); <c>Issued + Held + Remaining</c> is the stock.</param>
/// <param name="FirstCommitAt">When the earliest commit this snapshot is the first to include was made; null when it includes none: what push latency is measured from.</param>
[GenerateSerializer, Immutable, Alias("FlashSale.InventorySnapshot")]
public sealed record InventorySnapshot(
    [property: Id(0)] Guid CampaignId,
    [property: Id(1)] int Remaining,
    [property: Id(2)] int Issued,
    [property: Id(3)] int ClaimsPerSecond,
    [property: Id(4)] ImmutableDictionary<string, int> Rejections,
    [property: Id(5)] string State,
    [property: Id(6)] DateTimeOffset At,
    [property: Id(7)] DateTimeOffset? FirstCommitAt = null,
    [property: Id(8)] int Held = 0);

/// <summary>A campaign opened, sold out, was paused or resumed (state back to open), or ended.</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.StateChange")]
public sealed record StateChange(
    [property: Id(0)] Guid CampaignId,
    [property: Id(1)] string State,
    [property: Id(2)] DateTimeOffset At);
