using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Risk;
using FlashSale.Grains.Ledger;
using Microsoft.Extensions.Options;

namespace FlashSale.Grains.Risk;

/// <summary>The counters of one bucket of devices, for claims on campaigns that limit devices.</summary>
public sealed class DeviceLimitsGrain(CouponLedger ledger, RiskAuditLog audit, TimeProvider clock, IOptions<RiskOptions> options)
    : LimitCounterGrain<DeviceCounter>(clock, options), IDeviceLimitsGrain
{
    public async Task<ImmutableArray<DeviceSlots>> Reserve(ImmutableArray<LimitReservation> reservations)
    {
        await EnsureLoadedAsync(reservations.Select(r => r.DeviceId), reservations.Min(r => r.Day));
        var answers = ImmutableArray.CreateBuilder<DeviceSlots>(reservations.Length);
        foreach (var reservation in reservations)
        {
            answers.Add(Reserve(CounterOf(reservation.DeviceId), reservation));
        }

        return answers.MoveToImmutable();
    }

    private DeviceSlots Reserve(DeviceCounter device, LimitReservation reservation)
    {
        var policy = reservation.Policy;

        // An account counts on the device from its first claim there; a campaign's account limit
        // admits the device's first N accounts and turns later ones away.
        var accountSlot = 0;
        var place = device.PlaceOf(reservation.ShopperId);
        if (place > policy.MaxAccountsPerDevice)
        {
            return new DeviceSlots(0, 0, 0, RiskRules.MaxAccountsPerDevice);
        }

        if (place == 0)
        {
            accountSlot = device.TakePlace(reservation.ShopperId, policy.MaxAccountsPerDevice);
            if (accountSlot == 0)
            {
                return new DeviceSlots(0, 0, 0, RiskRules.MaxAccountsPerDevice);
            }
        }

        var onCampaign = device.OnCampaign(reservation.CampaignId);
        var campaignSlot = onCampaign.Take(policy.MaxClaimsPerDevice);
        var daySlot = campaignSlot == 0 ? 0 : device.Days.Of(reservation.Day).Take(policy.MaxClaimsPerDevicePerDay);
        if (daySlot == 0)
        {
            if (campaignSlot != 0)
            {
                onCampaign.Free(campaignSlot);
            }

            if (accountSlot != 0)
            {
                device.Unplace(reservation.ShopperId, accountSlot, claimsInFlight: false);
            }

            return new DeviceSlots(0, 0, 0, campaignSlot == 0 ? RiskRules.MaxClaimsPerDevice : RiskRules.MaxClaimsPerDevicePerDay);
        }

        AddHold(new Hold(reservation.ReservationId, reservation.DeviceId, reservation.Day, daySlot, HoldExpiry,
            reservation.CampaignId, campaignSlot, reservation.ShopperId, accountSlot));
        if (accountSlot != 0)
        {
            FlagBurstOfNewAccounts(device, reservation);
        }

        return new DeviceSlots(accountSlot, campaignSlot, daySlot);
    }

    /// <summary>Many accounts new to one device in a short time looks like a farm: flagged for review, not refused.</summary>
    private void FlagBurstOfNewAccounts(DeviceCounter device, LimitReservation reservation)
    {
        var settings = Settings;
        var recent = device.NotePlacement(Now, settings.NewAccountsBurstWindow);
        if (recent >= settings.NewAccountsBurst)
        {
            audit.Record(new RiskDecision(Now, RiskVerdict.Flagged, RiskRules.NewAccountsBurst, reservation.CampaignId, reservation.ShopperId,
                reservation.DeviceId, null, $$"""{"newAccounts":{{recent}},"windowSeconds":{{(int)settings.NewAccountsBurstWindow.TotalSeconds}}}"""));
        }
    }

    protected override async Task<Dictionary<string, DeviceCounter>> LoadAsync(IReadOnlyList<string> owners, DateOnly from)
    {
        var counters = new Dictionary<string, DeviceCounter>(StringComparer.Ordinal);
        var rows = await ledger.LoadDeviceCouponsAsync(owners);
        foreach (var row in rows)
        {
            if (!counters.TryGetValue(row.DeviceId, out var device))
            {
                device = new DeviceCounter();
                counters[row.DeviceId] = device;
            }

            if (row.AccountSlot is { } place)
            {
                device.Place(row.ShopperId, place);
            }

            device.OnCampaign(row.CampaignId).Add(row.DeviceSlot);
            if (row.ClaimDay >= from)
            {
                device.Days.Of(row.ClaimDay).Add(row.DeviceDaySlot);
            }
        }

        foreach (var row in rows)
        {
            counters[row.DeviceId].CountUnplaced(row.ShopperId);
        }

        return counters;
    }

    protected override DeviceCounter NewCounter() => new();

    protected override void Apply(DeviceCounter device, Hold hold)
    {
        if (hold.AccountSlot != 0)
        {
            device.Place(hold.ShopperId, hold.AccountSlot);
        }
        else
        {
            device.CountUnplaced(hold.ShopperId);
        }

        device.OnCampaign(hold.CampaignId).Add(hold.CampaignSlot);
        device.Days.Of(hold.Day).Add(hold.DaySlot);
    }

    protected override void Confirmed(DeviceCounter device, Hold hold) => device.NoteClaimed(hold.ShopperId);

    protected override void Free(DeviceCounter device, Hold hold)
    {
        if (hold.AccountSlot != 0)
        {
            device.Unplace(hold.ShopperId, hold.AccountSlot,
                claimsInFlight: HasHolds(h => h.Owner == hold.Owner && h.ShopperId == hold.ShopperId));
        }

        device.OnCampaign(hold.CampaignId).Free(hold.CampaignSlot);
        device.Days.Of(hold.Day).Free(hold.DaySlot);
    }
}
