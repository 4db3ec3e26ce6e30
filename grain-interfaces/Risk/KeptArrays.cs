namespace FlashSale.GrainInterfaces.Risk;

/// <summary>
/// Arrays of plain values that a table keeps for minutes (a subject's ids), made in the pinned object heap, which
/// only full collections walk. Made young, each was promoted by the next collection and marked its old holder's
/// card until then: the API node's heap at 4,000 claims/s held 75,000 of them (BENCHMARKS.md, "Subjects counted by
/// their ids' hashes"). A few hundred bytes each, a thousand a second at most: the slower allocation costs nothing
/// a claim would notice.
/// </summary>
public static class KeptArrays
{
    /// <summary>A new array of twice the length (<paramref name="first"/> for none) holding the old one's items.</summary>
    public static T[] Grown<T>(T[]? array, int first)
        where T : unmanaged
    {
        var grown = GC.AllocateUninitializedArray<T>(array is null ? first : array.Length * 2, pinned: true);
        array?.CopyTo(grown, 0);
        return grown;
    }
}
