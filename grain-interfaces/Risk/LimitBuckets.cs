namespace FlashSale.GrainInterfaces.Risk;

/// <summary>
/// Which limit-counter grain counts a shopper or a device. Counters are grouped into a fixed number
/// of grains rather than one grain per shopper: a rush of a million first-time shoppers would
/// otherwise activate a million grains, each reading the ledger, on the hot path.
/// </summary>
public static class LimitBuckets
{
    /// <summary>Fixed: with another count, one shopper's claims would be counted by two grains for a while.</summary>
    public const int Count = 16;

    public static int Of(string id)
    {
        // FNV-1a: stable across processes and versions, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Count);
    }
}
