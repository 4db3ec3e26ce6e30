using System.Collections.Immutable;

namespace FlashSale.GrainInterfaces.Risk;

/// <summary>What risk control counts activity by: the claim's shopper and device id, the request's fingerprint and address range.</summary>
[GenerateSerializer, Alias("FlashSale.SubjectKind")]
public enum SubjectKind
{
    Shopper,
    Device,
    Fingerprint,
    Prefix,
}

/// <summary>
/// A node's news about one subject since its last report: who and what it saw, how many claims, what score rules
/// gave. New shoppers come by id where they are links to keep (a fingerprint's or range's, <see cref="Shoppers"/>),
/// else by <see cref="IdHash"/>, as do new devices: a node keeps no id it only counts. <see cref="Devices"/> is what
/// nodes before the hashes sent; a shard still counts it, so a rolling upgrade mixes both.
/// </summary>
[GenerateSerializer, Immutable, Alias("FlashSale.ActivityReport")]
public sealed record ActivityReport(
    [property: Id(0)] SubjectKind Kind,
    [property: Id(1)] string Value,
    [property: Id(2)] ImmutableArray<string> Shoppers,
    [property: Id(3)] ImmutableArray<string> Devices,
    [property: Id(4)] int Claims,
    [property: Id(5)] int Score,
    [property: Id(6)] DateTimeOffset At,
    [property: Id(7)] ImmutableArray<long> ShopperHashes,
    [property: Id(8)] ImmutableArray<long> DeviceHashes);

/// <summary>A fingerprint or address range a shopper claimed from, and how many accounts did too (the shopper included).</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.AccountLink")]
public sealed record AccountLink(
    [property: Id(0)] SubjectKind Kind,
    [property: Id(1)] string Value,
    [property: Id(2)] long Accounts,
    [property: Id(3)] DateTimeOffset FirstSeen,
    [property: Id(4)] DateTimeOffset LastSeen);

/// <summary>One subject's activity over the cluster: distinct accounts and devices (a day), claims in the last minute, score (ten minutes).</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.ActivityCounts")]
public sealed record ActivityCounts(
    [property: Id(0)] SubjectKind Kind,
    [property: Id(1)] string Value,
    [property: Id(2)] int Accounts,
    [property: Id(3)] int Devices,
    [property: Id(4)] int ClaimsPerMinute,
    [property: Id(5)] int Score,
    [property: Id(6)] DateTimeOffset FirstSeen);

/// <summary>
/// One shard of the cluster's risk activity (key: 0 to <see cref="Shards"/> − 1, by a stable hash of the
/// subject). API nodes report each second what they saw and get the cluster's counts for those subjects
/// back; which accounts share a device, fingerprint or range is kept in PostgreSQL (<c>risk_links</c>).
/// </summary>
[Alias("FlashSale.IRiskActivityGrain")]
public interface IRiskActivityGrain : IGrainWithIntegerKey
{
    public const int Shards = 8;

    [Alias("Report")]
    Task<ImmutableArray<ActivityCounts>> Report(ImmutableArray<ActivityReport> reports);

    /// <summary>The shard that counts a subject.</summary>
    public static int ShardOf(SubjectKind kind, string value)
    {
        // FNV-1a: stable across processes, unlike string.GetHashCode.
        var hash = 2166136261u ^ (uint)kind;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Shards);
    }
}
