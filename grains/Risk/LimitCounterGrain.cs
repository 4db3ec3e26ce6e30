using System.Collections.Immutable;
using Microsoft.Extensions.Options;

namespace FlashSale.Grains.Risk;

/// <summary>
/// What the shopper and device counters share: counters loaded from the ledger on first use, in one
/// query per batch, and the holds of claims in flight, which count until their campaign confirms or
/// releases them. A hold nobody settles in time makes its owner's counter read the ledger again, so
/// a lost confirmation can only make a limit stricter for a moment, never looser.
/// </summary>
public abstract class LimitCounterGrain<TCounter>(TimeProvider clock, IOptions<RiskOptions> options) : Grain
    where TCounter : class
{
    // Counters without holds beyond this many are dropped (and read again when needed), so that a
    // bucket does not keep every shopper of a long sale in memory.
    private const int MaxCounters = 50_000;

    private readonly Dictionary<string, TCounter> _counters = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, Hold> _holds = [];
    // Owners whose counter must be read from the ledger again before it is used.
    private readonly HashSet<string> _stale = new(StringComparer.Ordinal);

    protected DateTimeOffset Now => clock.GetUtcNow();

    protected RiskOptions Settings => options.Value;

    protected DateTimeOffset HoldExpiry => Now + Settings.ReservationTimeout;

    /// <summary>
    /// True once the grain has read every counter of its bucket that the ledger holds, so that an
    /// owner without one has no claims to count; false when counters are read on first use.
    /// </summary>
    protected virtual bool KnowsEveryOwner => false;

    /// <summary>The owners' counters as the ledger has them, counting days from <paramref name="from"/>.</summary>
    protected abstract Task<Dictionary<string, TCounter>> LoadAsync(IReadOnlyList<string> owners, DateOnly from);

    protected abstract TCounter NewCounter();

    /// <summary>Counts a hold's slots in its owner's counter.</summary>
    protected abstract void Apply(TCounter counter, Hold hold);

    /// <summary>Gives a released hold's slots back.</summary>
    protected abstract void Free(TCounter counter, Hold hold);

    /// <summary>A hold's claim was committed: its slots stay taken.</summary>
    protected virtual void Confirmed(TCounter counter, Hold hold)
    {
    }

    protected TCounter CounterOf(string owner)
    {
        if (!_counters.TryGetValue(owner, out var counter))
        {
            counter = NewCounter();
            _counters[owner] = counter;
        }

        return counter;
    }

    protected void AddHold(Hold hold) => _holds[hold.ReservationId] = hold;

    protected IEnumerable<Hold> Holds => _holds.Values;

    protected bool HasHolds(Func<Hold, bool> match) => _holds.Values.Any(match);

    /// <summary>
    /// Drops the counters without a hold that <paramref name="keep"/> does not keep: they are read
    /// again (or known empty) when next needed.
    /// </summary>
    protected void ForgetIdleCounters(Func<TCounter, bool>? keep = null)
    {
        var holding = _holds.Values.Select(h => h.Owner).ToHashSet(StringComparer.Ordinal);
        foreach (var (owner, _) in _counters.Where(c => !holding.Contains(c.Key) && keep?.Invoke(c.Value) != true).ToList())
        {
            _counters.Remove(owner);
        }
    }

    protected async Task EnsureLoadedAsync(IEnumerable<string> owners, DateOnly day)
    {
        ExpireHolds();
        if (!KnowsEveryOwner && _counters.Count > MaxCounters)
        {
            ForgetIdleCounters();
        }

        var missing = owners
            .Where(o => _stale.Contains(o) || (!KnowsEveryOwner && !_counters.ContainsKey(o)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var loaded = await LoadAsync(missing, day.AddDays(-1));
        foreach (var owner in missing)
        {
            _counters[owner] = loaded.TryGetValue(owner, out var counter) ? counter : NewCounter();
            _stale.Remove(owner);
        }

        var wanted = missing.ToHashSet(StringComparer.Ordinal);
        foreach (var hold in _holds.Values.Where(h => wanted.Contains(h.Owner)))
        {
            Apply(_counters[hold.Owner], hold);
        }
    }

    public Task Confirm(ImmutableArray<Guid> reservationIds)
    {
        // The slots stay taken: they are the ledger's now.
        foreach (var id in reservationIds)
        {
            if (_holds.Remove(id, out var hold) && _counters.TryGetValue(hold.Owner, out var counter))
            {
                Confirmed(counter, hold);
            }
        }

        return Task.CompletedTask;
    }

    public Task Release(ImmutableArray<Guid> reservationIds, bool afterFailedWrite)
    {
        foreach (var id in reservationIds)
        {
            if (!_holds.Remove(id, out var hold))
            {
                continue;
            }

            if (afterFailedWrite)
            {
                // The failure may have been another writer's row in this owner's slots: read them again.
                MarkStale(hold.Owner);
            }
            else if (_counters.TryGetValue(hold.Owner, out var counter))
            {
                Free(counter, hold);
            }
        }

        return Task.CompletedTask;
    }

    private void ExpireHolds()
    {
        var now = Now;
        foreach (var hold in _holds.Values.Where(h => h.ExpiresAt <= now).ToList())
        {
            // Nobody said whether it committed: the ledger will.
            _holds.Remove(hold.ReservationId);
            MarkStale(hold.Owner);
        }
    }

    private void MarkStale(string owner)
    {
        _counters.Remove(owner);
        _stale.Add(owner);
    }
}
