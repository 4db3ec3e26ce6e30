namespace FlashSale.GrainInterfaces.Risk;

/// <summary>
/// One subject's activity as counted in memory, by an API node (what it saw) or by a shard of the
/// cluster's (what every node reported): distinct shoppers and device ids over a day (capped, since a
/// farm's count past the cap says all a rule needs), claims over the last minute and score over the last
/// ten. The windows slide: the previous window's count weighted by how much of it still overlaps, plus the
/// current one's, a few bytes per subject however busy it is. Ids are counted by their <see cref="IdHash"/>.
/// <para>
/// A value, kept in place in its holder's table: an API node makes about a thousand subjects a second at
/// 4,000 claims/s and keeps each for ten minutes, and as objects of their own they were what lengthened its
/// young collections (BENCHMARKS.md, "Subjects counted in full, made small"). Hold it by reference
/// (<c>CollectionsMarshal.GetValueRefOrNullRef</c>): a copy counts nothing.
/// </para>
/// </summary>
[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Auto)]
public struct SubjectActivity(DateTimeOffset firstSeen)
{
    public const int MaxDistinct = 1_000;
    private static readonly TimeSpan Memory = TimeSpan.FromDays(1);

    private DistinctIds _shoppers;
    private DistinctIds _devices;
    private SlidingCount _claims = new(60);
    private SlidingCount _score = new(600);

    public DateTimeOffset FirstSeen { get; private set; } = firstSeen;

    public DateTimeOffset LastSeen { get; private set; } = firstSeen;

    public readonly int Accounts => _shoppers.Count;

    public readonly int Devices => _devices.Count;

    /// <summary>Whether the shopper (by <see cref="IdHash"/>) is among those counted now.</summary>
    public readonly bool Counts(long shopper) => _shoppers.Contains(shopper);

    /// <summary>True when the shopper (by <see cref="IdHash"/>) is new to this subject (and under the cap).</summary>
    public bool SawShopper(long shopper, DateTimeOffset at)
    {
        Seen(at);
        return _shoppers.Saw(shopper, at, MaxDistinct);
    }

    /// <summary>True when the device (by <see cref="IdHash"/>) is new to this subject (and under the cap).</summary>
    public bool SawDevice(long device, DateTimeOffset at)
    {
        Seen(at);
        return _devices.Saw(device, at, MaxDistinct);
    }

    public void Claimed(int claims, DateTimeOffset at)
    {
        _claims.Add(claims, at);
        Seen(at);
    }

    public void Scored(int score, DateTimeOffset at) => _score.Add(score, at);

    public void FirstSeenBy(DateTimeOffset at)
    {
        if (at < FirstSeen)
        {
            FirstSeen = at;
        }
    }

    public readonly int ClaimsPerMinute(DateTimeOffset now) => _claims.At(now);

    public readonly int Score(DateTimeOffset now) => _score.At(now);

    /// <summary>Forgets shoppers and devices not seen for <paramref name="memory"/> (a day by default); true when the subject itself is that quiet.</summary>
    public bool Prune(DateTimeOffset now, TimeSpan? memory = null)
    {
        var keep = memory ?? Memory;
        _shoppers.RemoveOlder(now - keep);
        _devices.RemoveOlder(now - keep);
        return now - LastSeen > keep;
    }

    private void Seen(DateTimeOffset at)
    {
        if (at > LastSeen)
        {
            LastSeen = at;
        }
    }

    /// <summary>A count over the last <c>seconds</c>, from this window's count and the previous one's.</summary>
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Auto)]
    private struct SlidingCount(int seconds)
    {
        private long _window = long.MinValue;
        private int _current;
        private int _previous;

        public void Add(int count, DateTimeOffset at)
        {
            var window = at.ToUnixTimeMilliseconds() / (seconds * 1000L);
            if (window < _window)
            {
                // Reported late (a node's last second): it belongs to the previous window, or to none kept.
                _previous += window == _window - 1 ? count : 0;
                return;
            }

            Roll(window);
            _current += count;
        }

        public readonly int At(DateTimeOffset now)
        {
            var window = now.ToUnixTimeMilliseconds() / (seconds * 1000L);
            if (window > _window + 1)
            {
                return 0;
            }

            var (current, previous) = window == _window ? (_current, _previous) : (0, _current);
            var into = (double)(now.ToUnixTimeMilliseconds() % (seconds * 1000L)) / (seconds * 1000L);
            return current + (int)Math.Round(previous * (1 - into));
        }

        private void Roll(long window)
        {
            if (window == _window)
            {
                return;
            }

            _previous = window == _window + 1 ? _current : 0;
            _current = 0;
            _window = window;
        }
    }
}
