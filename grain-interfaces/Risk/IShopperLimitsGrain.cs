using System.Collections.Immutable;

namespace FlashSale.GrainInterfaces.Risk;

/// <summary>
/// The daily claim caps of the shoppers in one bucket (<see cref="LimitBuckets"/>): each shopper's
/// claims of the day across campaigns, as numbered day slots. Campaign grains reserve a slot for each
/// admitted claim, then confirm it once the claim is committed or release it if it is not.
/// </summary>
[Alias("FlashSale.IShopperLimitsGrain")]
public interface IShopperLimitsGrain : IGrainWithIntegerKey
{
    /// <summary>One answer per reservation, in order.</summary>
    [Alias("Reserve")]
    Task<ImmutableArray<DailySlot>> Reserve(ImmutableArray<LimitReservation> reservations);

    /// <summary>The claims committed: their slots are the ledger's now.</summary>
    [Alias("Confirm"), OneWay]
    Task Confirm(ImmutableArray<Guid> reservationIds);

    /// <summary>
    /// The claims were not committed: their slots are free again. After a failed write the shoppers'
    /// counts are read from the ledger again, since the failure may have been another writer's row.
    /// </summary>
    [Alias("Release"), OneWay]
    Task Release(ImmutableArray<Guid> reservationIds, bool afterFailedWrite);
}
