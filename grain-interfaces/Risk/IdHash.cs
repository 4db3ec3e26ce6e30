using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace FlashSale.GrainInterfaces.Risk;

/// <summary>
/// An id as 64 bits (XxHash3 of its UTF-16 code units, the same in every process): what risk control keys its
/// subjects and counts distinct ids by. The tables an API node keeps for ten minutes then hold no string: each
/// string a claim brought and a table kept was made young and referenced from an old table, and the API node's
/// young collections at 4,000 claims/s marked through the older generations twice as long for them (BENCHMARKS.md,
/// "Subjects counted by their ids' hashes"). Two ids of one hash count as one: with two million subjects in ten
/// minutes, about one sale in ten million has such a pair, and risk counts are evidence, not money.
/// </summary>
public static class IdHash
{
    public static long Of(string id) => (long)XxHash3.HashToUInt64(MemoryMarshal.AsBytes(id.AsSpan()));

    /// <summary>A subject's key: its kind seeds the hash, so a shopper and a device of one id are two subjects.</summary>
    public static long Of(SubjectKind kind, string value) => (long)XxHash3.HashToUInt64(MemoryMarshal.AsBytes(value.AsSpan()), (long)kind + 1);
}
