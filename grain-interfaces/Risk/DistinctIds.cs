using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FlashSale.GrainInterfaces.Risk;

/// <summary>
/// The distinct ids a subject was seen with (its shoppers or its devices), by their <see cref="IdHash"/>, each with
/// when it was last seen, up to a cap. Most subjects are seen with one or two ids (a shopper with their phone, a phone
/// with its owner and someone else's account): those are kept in place. A few more go in one array, searched in
/// order; only a subject seen with many (a farm's address range) gets a table. Nothing here refers to a string, and
/// most subjects refer to nothing at all: an API node makes about a thousand subjects a second and keeps each for ten
/// minutes, and every young object an old table refers to is promoted and traced by the young collections
/// (BENCHMARKS.md, "Subjects counted by their ids' hashes" and "A subject's first two ids in place").
/// </summary>
internal struct DistinctIds
{
    // Past this many, a table: searching the array in order would cost a claim more than the table's objects.
    private const int FewAtMost = 16;

    private TwoInPlace _inPlace;
    private IdSeen[]? _few;
    private int _count;
    private Dictionary<long, long>? _many;

    public readonly int Count => _many?.Count ?? _count;

    public readonly bool Contains(long id)
    {
        if (_many is not null)
        {
            return _many.ContainsKey(id);
        }

        foreach (var seen in Kept)
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

        var kept = Writable;
        for (var i = 0; i < kept.Length; i++)
        {
            if (kept[i].Id == id)
            {
                kept[i] = new IdSeen(id, at.UtcTicks);
                return false;
            }
        }

        if (_count >= cap)
        {
            return false;
        }

        if (_count == FewAtMost)
        {
            _many = new Dictionary<long, long>(FewAtMost * 2);
            foreach (var seen in kept)
            {
                _many[seen.Id] = seen.Ticks;
            }

            (_few, _count) = (null, 0);
            return SawAmongMany(_many, id, at.UtcTicks, cap);
        }

        if (_few is null && _count == TwoInPlace.Length)
        {
            _few = new IdSeen[4];
            kept.CopyTo(_few);
        }
        else if (_few is not null && _count == _few.Length)
        {
            Array.Resize(ref _few, _few.Length * 2);
        }

        // Counted first: the span the id goes into is the kept ids' with one more.
        _count++;
        Writable[^1] = new IdSeen(id, at.UtcTicks);
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

        var ids = Writable;
        var kept = 0;
        foreach (var seen in ids)
        {
            if (seen.Ticks >= before.UtcTicks)
            {
                ids[kept++] = seen;
            }
        }

        _count = kept;
    }

    /// <summary>The ids kept in place or in the array: the caller holds the subject by reference, so this is its own.</summary>
    [UnscopedRef]
    private readonly ReadOnlySpan<IdSeen> Kept => _few is null ? ((ReadOnlySpan<IdSeen>)_inPlace)[.._count] : _few.AsSpan(0, _count);

    [UnscopedRef]
    private Span<IdSeen> Writable => _few is null ? ((Span<IdSeen>)_inPlace)[.._count] : _few.AsSpan(0, _count);

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

    [InlineArray(Length)]
    private struct TwoInPlace
    {
        public const int Length = 2;

        private IdSeen _first;
    }
}
