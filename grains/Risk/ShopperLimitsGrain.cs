using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Claims;
using FlashSale.GrainInterfaces.Risk;
using FlashSale.Grains.Ledger;
using Microsoft.Extensions.Options;

namespace FlashSale.Grains.Risk;

/// <summary>The daily claim caps of one bucket of shoppers: each shopper's day slots, from the ledger and from claims in flight.</summary>
/// <remarks>
/// Activation reads the bucket's claims of today and yesterday in one query, so a shopper it has no
/// counter for has no claims: a rush of first-time shoppers costs no read per shopper.
/// </remarks>
public sealed class ShopperLimitsGrain(CouponLedger ledger, TimeProvider clock, IOptions<RiskOptions> options)
    : LimitCounterGrain<DaySlots>(clock, options), IShopperLimitsGrain
{
    private DateOnly _today;

    protected override bool KnowsEveryOwner => true;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _today = Settings.DayOf(Now);
        foreach (var (shopperId, day, slot) in await ledger.LoadBucketDaySlotsAsync((int)this.GetPrimaryKeyLong(), [_today.AddDays(-1), _today]))
        {
            CounterOf(shopperId).Of(day).Add(slot);
        }
    }

    public async Task<ImmutableArray<DailySlot>> Reserve(ImmutableArray<LimitReservation> reservations)
    {
        var latest = reservations.Max(r => r.Day);
        if (latest > _today)
        {
            // A new day: counters with nothing since yesterday are no longer needed. Yesterday's stay,
            // for claims admitted just before midnight and reserved after it.
            _today = latest;
            ForgetIdleCounters(days => days.Latest >= latest.AddDays(-1));
        }

        await EnsureLoadedAsync(reservations.Select(r => r.ShopperId), reservations.Min(r => r.Day));
        var points = reservations.Any(r => r.PointsPrice > 0) ? await SpendablePointsAsync(reservations) : null;
        var answers = ImmutableArray.CreateBuilder<DailySlot>(reservations.Length);
        foreach (var reservation in reservations)
        {
            var price = reservation.PointsPrice;
            var spendable = 0L;
            if (price > 0 && (!points!.TryGetValue(reservation.ShopperId, out spendable) || spendable < price))
            {
                answers.Add(new DailySlot(0, ClaimOutcome.InsufficientPoints));
                continue;
            }

            var slot = CounterOf(reservation.ShopperId).Of(reservation.Day).Take(reservation.DailyClaimCap);
            if (slot == 0)
            {
                answers.Add(new DailySlot(0, ClaimOutcome.DailyLimitReached));
                continue;
            }

            if (price > 0)
            {
                points![reservation.ShopperId] = spendable - price;
            }

            AddHold(new Hold(reservation.ReservationId, reservation.ShopperId, reservation.Day, slot, HoldExpiry, Points: price));
            answers.Add(new DailySlot(slot));
        }

        return answers.MoveToImmutable();
    }

    /// <summary>
    /// The buyers' points as the ledger has them, less what their claims in flight hold. Balances
    /// are read afresh for every round that needs them, never kept: a hold whose claim has already
    /// committed (its debit is in the ledger) is not counted twice.
    /// </summary>
    private async Task<Dictionary<string, long>> SpendablePointsAsync(ImmutableArray<LimitReservation> reservations)
    {
        var buyers = reservations.Where(r => r.PointsPrice > 0).Select(r => r.ShopperId).ToHashSet(StringComparer.Ordinal);
        var holds = Holds.Where(h => h.Points > 0 && buyers.Contains(h.Owner)).ToList();
        var (balances, debited) = await ledger.LoadPointsAsync([.. buyers], [.. holds.Select(h => h.ReservationId)]);
        foreach (var hold in holds.Where(h => !debited.Contains(h.ReservationId) && balances.ContainsKey(h.Owner)))
        {
            balances[hold.Owner] -= hold.Points;
        }

        return balances;
    }

    protected override async Task<Dictionary<string, DaySlots>> LoadAsync(IReadOnlyList<string> owners, DateOnly from)
    {
        var counters = new Dictionary<string, DaySlots>(StringComparer.Ordinal);
        foreach (var (shopperId, day, slot) in await ledger.LoadDaySlotsAsync(owners, [from, from.AddDays(1)]))
        {
            if (!counters.TryGetValue(shopperId, out var days))
            {
                days = new DaySlots();
                counters[shopperId] = days;
            }

            days.Of(day).Add(slot);
        }

        return counters;
    }

    protected override DaySlots NewCounter() => new();

    protected override void Apply(DaySlots counter, Hold hold) => counter.Of(hold.Day).Add(hold.DaySlot);

    protected override void Free(DaySlots counter, Hold hold) => counter.Of(hold.Day).Free(hold.DaySlot);
}
