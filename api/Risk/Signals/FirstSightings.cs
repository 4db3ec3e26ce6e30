using System.Runtime.InteropServices;
using FlashSale.GrainInterfaces.Risk;

namespace FlashSale.Api.Risk.Signals;

/// <summary>
/// A subject's one claim so far on this node: when, by which shopper and device (by <see cref="IdHash"/>), and which
/// claim (its idempotency key's hash). A fingerprint's or range's also keeps its shopper's id, a link to report.
/// Packed (UTC ticks, no nullable wrappers): two generations of 250,000 of them are most of the API node's tables,
/// whose size sets how large a young generation the collector chooses (BENCHMARKS.md, "A subject's first two ids in
/// place").
/// </summary>
[StructLayout(LayoutKind.Auto)]
public readonly struct Sighting
{
    private readonly long _ticks;
    private readonly long _shopper;
    private readonly long _device;
    private readonly bool _hasShopper;
    private readonly bool _hasDevice;

    public Sighting(DateTimeOffset at, long? shopper, long? device, int claimKey = 0, string? shopperToLink = null)
    {
        (_ticks, ClaimKey, ShopperToLink) = (at.UtcTicks, claimKey, shopperToLink);
        (_hasShopper, _shopper) = (shopper.HasValue, shopper.GetValueOrDefault());
        (_hasDevice, _device) = (device.HasValue, device.GetValueOrDefault());
    }

    public DateTimeOffset At => new(_ticks, TimeSpan.Zero);

    public long? Shopper => _hasShopper ? _shopper : null;

    public long? Device => _hasDevice ? _device : null;

    public int ClaimKey { get; }

    public string? ShopperToLink { get; }
}

/// <summary>
/// Subjects seen once on this node, in two generations: a new one starts when the current one is
/// <c>span</c> old or holds <c>capacity</c> subjects, and the one before it is dropped whole. So a sighting
/// is kept for at least a span when the node is not busier than that, the memory is bounded when it is,
/// and forgetting costs nothing per subject. The dropped generation's table is emptied and reused for the
/// next, so a busy node does not allocate and regrow a table each time (profiled under E1: the regrowing was a
/// sixth of what the screening allocated). Subjects are keyed by <see cref="IdHash"/>, so that a table kept for
/// minutes refers to no claim's strings. Not thread-safe: <see cref="LocalActivity"/> locks around it.
/// </summary>
public sealed class FirstSightings(int capacity, TimeSpan span)
{
    private Dictionary<long, Sighting> _current = [];
    private Dictionary<long, Sighting> _previous = [];
    private DateTimeOffset _currentSince = DateTimeOffset.MinValue;

    public int Count => _current.Count + _previous.Count;

    public bool TryGet(long key, out Sighting sighting) =>
        _current.TryGetValue(key, out sighting) || _previous.TryGetValue(key, out sighting);

    /// <summary>Takes the subject's sighting out (it is being seen again); false when it has none.</summary>
    public bool Remove(long key, out Sighting sighting) =>
        _current.Remove(key, out sighting) || _previous.Remove(key, out sighting);

    /// <summary>Keeps the sighting when the subject has none yet; false (keeping nothing) when it has.</summary>
    public bool TryAdd(long key, Sighting sighting)
    {
        if (_current.Count >= capacity || sighting.At - _currentSince >= span)
        {
            _previous.Clear();
            (_previous, _current, _currentSince) = (_current, _previous, sighting.At);
        }

        if (_previous.ContainsKey(key))
        {
            return false;
        }

        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_current, key, out var exists);
        if (!exists)
        {
            slot = sighting;
        }

        return !exists;
    }
}
