using System.Runtime.InteropServices;
using System.Text;
using FlashSale.GrainInterfaces.Risk;

namespace FlashSale.Api.Risk.Signals;

/// <summary>
/// One generation of <see cref="FirstSightings"/>, held in arrays without a reference in them: entries chained by
/// index, and the ids copied as UTF-8 into one byte arena. The collector never traces it, and a claim's own id
/// strings die young. A dictionary of sightings kept every claim's ids alive for minutes, so all of them were
/// promoted into the oldest generation and traced there (measured under E1: that generation was 50-60 MB against
/// 22 MB before the engine, and it lengthened every collection). A removed sighting's space is reclaimed only
/// when the generation is cleared, so <see cref="Added"/>, not <see cref="Count"/>, bounds the memory.
/// Not thread-safe.
/// </summary>
public sealed class SightingTable
{
    private const int InitialEntries = 256;
    private const int None = -1;

    private int[] _buckets = new int[InitialEntries];
    private Entry[] _entries = new Entry[InitialEntries];
    private byte[] _bytes = new byte[InitialEntries * 64];
    private int _bytesUsed;

    public SightingTable() => Array.Fill(_buckets, None);

    /// <summary>Sightings added since the table was last cleared, removed ones included.</summary>
    public int Added { get; private set; }

    public int Count { get; private set; }

    public bool Contains((SubjectKind Kind, string Value) key) => Find(key, out _, out _) != None;

    public bool TryGet((SubjectKind Kind, string Value) key, out Sighting sighting)
    {
        var index = Find(key, out _, out _);
        sighting = index == None ? default : SightingAt(index);
        return index != None;
    }

    public bool Remove((SubjectKind Kind, string Value) key, out Sighting sighting)
    {
        var index = Find(key, out var bucket, out var before);
        if (index == None)
        {
            sighting = default;
            return false;
        }

        sighting = SightingAt(index);
        ref var entry = ref _entries[index];
        if (before == None)
        {
            _buckets[bucket] = entry.Next;
        }
        else
        {
            _entries[before].Next = entry.Next;
        }

        entry.Removed = true;
        Count--;
        return true;
    }

    /// <summary>Keeps the sighting when the subject has none in this table; false (keeping nothing) when it has.</summary>
    public bool TryAdd((SubjectKind Kind, string Value) key, Sighting sighting)
    {
        if (Find(key, out _, out _) != None)
        {
            return false;
        }

        if (Added == _entries.Length)
        {
            Grow();
        }

        EnsureBytes(Encoding.UTF8.GetMaxByteCount(key.Value.Length + (sighting.ShopperId?.Length ?? 0) + (sighting.DeviceId?.Length ?? 0)));
        var hash = HashOf(key);
        var bucket = BucketOf(hash, _buckets.Length);
        _entries[Added] = new Entry
        {
            Hash = hash,
            Next = _buckets[bucket],
            Kind = key.Kind,
            AtTicks = sighting.At.UtcTicks,
            Key = Append(key.Value),
            Shopper = Append(sighting.ShopperId),
            Device = Append(sighting.DeviceId),
        };
        _buckets[bucket] = Added;
        Added++;
        Count++;
        return true;
    }

    /// <summary>Empties the table, keeping its arrays for the next generation.</summary>
    public void Clear()
    {
        Array.Fill(_buckets, None);
        (Added, Count, _bytesUsed) = (0, 0, 0);
    }

    private static int HashOf((SubjectKind Kind, string Value) key) => HashCode.Combine(key.Kind, key.Value);

    private static int BucketOf(int hash, int buckets) => (int)((uint)hash & (uint)(buckets - 1));

    private int Find((SubjectKind Kind, string Value) key, out int bucket, out int before)
    {
        var hash = HashOf(key);
        bucket = BucketOf(hash, _buckets.Length);
        before = None;
        for (var index = _buckets[bucket]; index != None; before = index, index = _entries[index].Next)
        {
            ref readonly var entry = ref _entries[index];
            if (entry.Hash == hash && entry.Kind == key.Kind && TextEquals(entry.Key, key.Value))
            {
                return index;
            }
        }

        return None;
    }

    private bool TextEquals(Text text, string value)
    {
        var bytes = _bytes.AsSpan(text.Offset, text.Length);
        if (bytes.Length < value.Length || bytes.Length > Encoding.UTF8.GetMaxByteCount(value.Length))
        {
            return false;
        }

        // Ids are validated to 128 characters; the heap is only for a longer one.
        Span<char> chars = bytes.Length <= 512 ? stackalloc char[bytes.Length] : new char[bytes.Length];
        return Encoding.UTF8.TryGetChars(bytes, chars, out var written) && chars[..written].SequenceEqual(value);
    }

    private Sighting SightingAt(int index)
    {
        ref readonly var entry = ref _entries[index];
        return new Sighting(new DateTimeOffset(entry.AtTicks, TimeSpan.Zero), StringOf(entry.Shopper), StringOf(entry.Device));
    }

    private string? StringOf(Text text) => text.Length == None ? null : Encoding.UTF8.GetString(_bytes, text.Offset, text.Length);

    private Text Append(string? value)
    {
        if (value is null)
        {
            return new Text(0, None);
        }

        var written = Encoding.UTF8.GetBytes(value, _bytes.AsSpan(_bytesUsed));
        var text = new Text(_bytesUsed, written);
        _bytesUsed += written;
        return text;
    }

    private void EnsureBytes(int needed)
    {
        if (_bytesUsed + needed > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _bytesUsed + needed));
        }
    }

    /// <summary>Doubles the entries and rechains the ones not removed (a removed entry is in no chain already).</summary>
    private void Grow()
    {
        Array.Resize(ref _entries, _entries.Length * 2);
        _buckets = new int[_entries.Length];
        Array.Fill(_buckets, None);
        for (var index = 0; index < Added; index++)
        {
            ref var entry = ref _entries[index];
            if (!entry.Removed)
            {
                var bucket = BucketOf(entry.Hash, _buckets.Length);
                entry.Next = _buckets[bucket];
                _buckets[bucket] = index;
            }
        }
    }

    /// <summary>An id's bytes in the arena; a length of -1 for none.</summary>
    [StructLayout(LayoutKind.Auto)]
    private readonly record struct Text(int Offset, int Length);

    [StructLayout(LayoutKind.Auto)]
    private struct Entry
    {
        public int Hash;
        public int Next;
        public SubjectKind Kind;
        public bool Removed;
        public long AtTicks;
        public Text Key;
        public Text Shopper;
        public Text Device;
    }
}
