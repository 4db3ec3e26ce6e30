using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FlashSale.GrainInterfaces.Risk;

/// <summary>
/// The distinct ids a subject was seen with (its shoppers or its devices), by their <see cref="IdHash"/>, each with
/// when it was last seen, up to a cap. Most subjects are seen with one or two ids (a shopper with their phone, a phone
/// with its owner and someone else's account): those are kept in place (<see cref="InPlaceList{T}"/>). A few more go
/// in one array, searched in order; only a subject seen with many (a farm's address range) gets a table. Nothing here
/// refers to a string, and most subjects refer to nothing at all: an API node makes about a thousand subjects a second
/// and keeps each for ten minutes, and every young object an old table refers to is promoted and traced by the young
/// collections (BENCHMARKS.md, "Subjects counted by their ids' hashes" and "A subject's first two ids in place").
/// </summary>
internal struct DistinctIds
{
    // Past this many, a table: searching the array in order would cost a claim more than the table's objects.
    private const int FewAtMost = 16;

    private InPlaceList<IdSeen> _few;
    private Dictionary<long, long>? _many;

    public readonly int Count => _many?.Count ?? _few.Count;

    public readonly bool Contains(long id)
    {
        if (_many is not null)
        {
            return _many.ContainsKey(id);
        }

        foreach (var seen in _few.Items)
        {
            if (seen.Id == id)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the id is new here and under the cap (and is now kept).</summary>
    public bool Saw(long id, DateTimeOffset at, int cap)
    {
        if (_many is not null)
        {
            return SawAmongMany(_many, id, at.UtcTicks, cap);
        }

        var kept = _few.Writable;
        for (var i = 0; i < kept.Length; i++)
        {
            if (kept[i].Id == id)
            {
                kept[i] = new IdSeen(id, at.UtcTicks);
                return false;
            }
        }

        if (kept.Length >= cap)
        {
            return false;
        }

        if (kept.Length == FewAtMost)
        {
            _many = new Dictionary<long, long>(FewAtMost * 2);
            foreach (var seen in kept)
            {
                _many[seen.Id] = seen.Ticks;
            }

            _few = default;
            return SawAmongMany(_many, id, at.UtcTicks, cap);
        }

        _few.Add(new IdSeen(id, at.UtcTicks));
        return true;
    }

    /// <summary>Forgets the ids last seen before <paramref name="before"/>.</summary>
    public void RemoveOlder(DateTimeOffset before)
    {
        if (_many is { } many)
        {
            foreach (var (id, ticks) in many)
            {
                if (ticks < before.UtcTicks)
                {
                    many.Remove(id);
                }
            }

            return;
        }

        var ids = _few.Writable;
        var kept = 0;
        foreach (var seen in ids)
        {
            if (seen.Ticks >= before.UtcTicks)
            {
                ids[kept++] = seen;
            }
        }

        _few.Truncate(kept);
    }

    private static bool SawAmongMany(Dictionary<long, long> many, long id, long ticks, int cap)
    {
        ref var seen = ref CollectionsMarshal.GetValueRefOrNullRef(many, id);
        if (!Unsafe.IsNullRef(ref seen))
        {
            seen = ticks;
            return false;
        }

        if (many.Count >= cap)
        {
            return false;
        }

        many[id] = ticks;
        return true;
    }

    /// <summary>An id and when it was last seen, in UTC ticks: half the bytes of a <see cref="DateTimeOffset"/>.</summary>
    [StructLayout(LayoutKind.Auto)]
    private readonly record struct IdSeen(long Id, long Ticks);
}
