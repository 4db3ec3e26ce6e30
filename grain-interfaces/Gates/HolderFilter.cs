namespace FlashSale.GrainInterfaces.Gates;

/// <summary>
/// A Bloom filter over shopper ids: never a false "no", rarely a false "yes" (about 2% when it holds
/// one shopper per <see cref="BitsPerShopper"/> bits). A false "yes" only costs a grain call.
/// </summary>
[GenerateSerializer, Immutable, Alias("FlashSale.HolderFilter")]
public sealed record HolderFilter([property: Id(0)] ulong[] Words)
{
    public const int BitsPerShopper = 8;
    private const int HashCount = 4;

    public static HolderFilter Of(IReadOnlyCollection<string> shopperIds)
    {
        var words = WordsFor(shopperIds.Count);
        foreach (var shopperId in shopperIds)
        {
            Add(words, shopperId);
        }

        return new HolderFilter(words);
    }

    /// <summary>An empty filter's words, sized for this many shoppers.</summary>
    public static ulong[] WordsFor(long shoppers) => new ulong[(Math.Max(64, shoppers * BitsPerShopper) + 63) / 64];

    /// <summary>Sets a shopper's bits in a filter's words: how a silo builds a filter up as shoppers claim.</summary>
    /// <param name="shared">True when another thread sets bits in the same words meanwhile: each word is then set atomically.</param>
    public static void Add(ulong[] words, string shopperId, bool shared = false)
    {
        var (first, step) = HashOf(shopperId);
        var size = (ulong)words.Length * 64;
        for (var i = 0u; i < HashCount; i++)
        {
            var bit = (first + (ulong)i * step) % size;
            if (shared)
            {
                Interlocked.Or(ref words[bit >> 6], 1UL << (int)(bit & 63));
            }
            else
            {
                words[bit >> 6] |= 1UL << (int)(bit & 63);
            }
        }
    }

    public bool MayContain(string shopperId) => MayContain(Words, shopperId);

    public static bool MayContain(ulong[] words, string shopperId)
    {
        var (first, step) = HashOf(shopperId);
        var size = (ulong)words.Length * 64;
        for (var i = 0u; i < HashCount; i++)
        {
            var bit = (first + (ulong)i * step) % size;
            if ((words[bit >> 6] & (1UL << (int)(bit & 63))) == 0)
            {
                return false;
            }
        }

        return true;
    }

    private static (ulong First, ulong Step) HashOf(string value)
    {
        // FNV-1a is stable across processes (string.GetHashCode is not), which the filter needs
        // because it is built in a silo and read in API nodes.
        var hash = 14695981039346656037UL;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return ((uint)hash, (uint)(hash >> 32) | 1);
    }
}
