using System.Collections.Immutable;

namespace FlashSale.GrainInterfaces.Cluster;

/// <summary>
/// The API nodes that are up: each says so every few seconds, and one not heard from for
/// <see cref="ApiNodeStatus.DownAfter"/> is shown as down. Kept in memory: after a silo restart the
/// list fills again within one heartbeat.
/// </summary>
[Alias("FlashSale.IApiNodesGrain")]
public interface IApiNodesGrain : IGrainWithIntegerKey
{
    [Alias("Heartbeat")]
    Task Heartbeat(ApiNodeBeat beat);

    [Alias("List")]
    Task<ImmutableArray<ApiNodeStatus>> List();
}

/// <param name="Name">The node's host name and process, unique while it runs.</param>
/// <param name="Address">Where it listens.</param>
[GenerateSerializer, Immutable, Alias("FlashSale.ApiNodeBeat")]
public sealed record ApiNodeBeat(
    [property: Id(0)] string Name,
    [property: Id(1)] string Address,
    [property: Id(2)] DateTimeOffset StartedAt,
    [property: Id(3)] string Version);

[GenerateSerializer, Immutable, Alias("FlashSale.ApiNodeStatus")]
public sealed record ApiNodeStatus(
    [property: Id(0)] ApiNodeBeat Node,
    [property: Id(1)] DateTimeOffset LastSeen,
    [property: Id(2)] bool Up)
{
    public static readonly TimeSpan BeatEvery = TimeSpan.FromSeconds(5);

    /// <summary>Three missed beats.</summary>
    public static readonly TimeSpan DownAfter = TimeSpan.FromSeconds(15);
}
