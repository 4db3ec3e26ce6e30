using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Cluster;

namespace FlashSale.Grains.Cluster;

/// <summary>
/// Who has said they are up, and when last: up while heard from within <see cref="ApiNodeStatus.DownAfter"/>,
/// forgotten after an hour of silence so that restarted nodes do not pile up.
/// </summary>
public sealed class ApiNodeRoster(TimeProvider clock)
{
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(1);

    private readonly Dictionary<string, (ApiNodeBeat Beat, DateTimeOffset At)> _nodes = new(StringComparer.Ordinal);

    public void Heard(ApiNodeBeat beat) => _nodes[beat.Name] = (beat, clock.GetUtcNow());

    public ImmutableArray<ApiNodeStatus> Now()
    {
        var now = clock.GetUtcNow();
        foreach (var name in _nodes.Where(n => now - n.Value.At > ForgetAfter).Select(n => n.Key).ToList())
        {
            _nodes.Remove(name);
        }

        return [.. _nodes.Values.OrderBy(n => n.Beat.Name, StringComparer.Ordinal)
            .Select(n => new ApiNodeStatus(n.Beat, n.At, now - n.At <= ApiNodeStatus.DownAfter))];
    }
}
