using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Cluster;

namespace FlashSale.Grains.Cluster;

/// <summary>The API nodes' roster, in one activation that every node's heartbeat reaches.</summary>
public sealed class ApiNodesGrain(TimeProvider clock) : Grain, IApiNodesGrain
{
    private readonly ApiNodeRoster _roster = new(clock);

    public Task Heartbeat(ApiNodeBeat beat)
    {
        _roster.Heard(beat);
        return Task.CompletedTask;
    }

    public Task<ImmutableArray<ApiNodeStatus>> List() => Task.FromResult(_roster.Now());
}
