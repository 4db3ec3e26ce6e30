using System.Collections.Immutable;

namespace FlashSale.GrainInterfaces.Risk;

/// <summary>
/// The counters of the devices in one bucket (<see cref="LimitBuckets"/>), per <c>X-Device-Id</c>:
/// the accounts that claimed on the device, in the order they first did, and its claims per campaign
/// and per day, on campaigns that limit devices. Reserve, then confirm or release, as for shoppers.
/// </summary>
[Alias("FlashSale.IDeviceLimitsGrain")]
public interface IDeviceLimitsGrain : IGrainWithIntegerKey
{
    [Alias("Reserve")]
    Task<ImmutableArray<DeviceSlots>> Reserve(ImmutableArray<LimitReservation> reservations);

    [Alias("Confirm"), OneWay]
    Task Confirm(ImmutableArray<Guid> reservationIds);

    [Alias("Release"), OneWay]
    Task Release(ImmutableArray<Guid> reservationIds, bool afterFailedWrite);
}
