namespace FlashSale.GrainInterfaces.Gates;

/// <summary>
/// A Bloom filter over shopper ids: never a false "no", rarely a false "yes" (about 2% at the
/// size chosen here). A false "yes" only costs a grain call.
/// </summary>
[GenerateSerializer, Immutable, Alias("FlashSale.HolderFilter")]
public sealed record HolderFilter([property: Id(0)] ulong[] Words)
{
    private const int BitsPerShopper = 8;
    private const int HashCount = 4;

    public static HolderFilter Of(IReadOnlyCollection<string> shopperIds)
    {
        var bits = Math.Max(64, shopperIds.Count * BitsPerShopper);
        var filter = new HolderFilter(new ulong[(bits + 63) / 64]);
        foreach (var shopperId in shopperIds)
        {
            foreach (var bit in filter.BitsOf(shopperId))
            {
                filter.Words[bit >> 6] |= 1UL << (int)(bit & 63);
            }
        }

        return filter;
    }

    public bool MayContain(string shopperId)
    {
        foreach (var bit in BitsOf(shopperId))
        {
            if ((Words[bit >> 6] & (1UL << (int)(bit & 63))) == 0)
            {
                return false;
            }
        }

        return true;
    }

    private IEnumerable<long> BitsOf(string value)
    {
        // FNV-1a is stable across processes (string.GetHashCode is not), which the filter needs
        // because it is built in a silo and read in API nodes.
        var hash = 14695981039346656037UL;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        var first = (uint)hash;
        var step = (uint)(hash >> 32) | 1;
        var size = (ulong)Words.Length * 64;
        for (var i = 0u; i < HashCount; i++)
        {
            yield return (long)((first + (ulong)i * step) % size);
        }
    }
}
