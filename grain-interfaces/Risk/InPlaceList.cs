using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FlashSale.GrainInterfaces.Risk;

/// <summary>
/// A subject's few values (its distinct ids, the ids new since its report, a fingerprint's accounts): the first two
/// kept in place, an array made only for a third and kept, emptied or not, from then on. A value in its subject,
/// itself a value in a table kept for minutes: an array per subject, made young and referred to by that old table,
/// was what the young collections promoted and traced, and most subjects never hold more than two
/// (BENCHMARKS.md, "A subject's first two ids in place"). Hold it by reference: a copy shares the array.
/// </summary>
[StructLayout(LayoutKind.Auto)]
public struct InPlaceList<T>
{
    private TwoInPlace _inPlace;
    private T[]? _array;
    private int _count;

    public readonly int Count => _count;

    [UnscopedRef]
    public readonly ReadOnlySpan<T> Items => _array is null ? ((ReadOnlySpan<T>)_inPlace)[.._count] : _array.AsSpan(0, _count);

    /// <summary>The items, to change in place (see <see cref="Truncate"/> to keep only the first ones).</summary>
    [UnscopedRef]
    public Span<T> Writable => _array is null ? ((Span<T>)_inPlace)[.._count] : _array.AsSpan(0, _count);

    public void Add(T item)
    {
        if (_array is null && _count == TwoInPlace.Length)
        {
            _array = new T[TwoInPlace.Length * 2];
            ((ReadOnlySpan<T>)_inPlace).CopyTo(_array);
            _inPlace = default;
        }
        else if (_array is not null && _count == _array.Length)
        {
            Array.Resize(ref _array, _array.Length * 2);
        }

        _count++;
        Writable[^1] = item;
    }

    /// <summary>Keeps the first <paramref name="count"/> items, letting go of the rest.</summary>
    public void Truncate(int count)
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Writable[count..].Clear();
        }

        _count = count;
    }

    /// <summary>The items, emptying the list (its array, if it has one, is kept for the next).</summary>
    public ImmutableArray<T> Take()
    {
        ImmutableArray<T> items = [.. Items];
        Truncate(0);
        return items;
    }

    [InlineArray(Length)]
    private struct TwoInPlace
    {
        public const int Length = 2;

        private T _first;
    }
}
