using System.Diagnostics;
using static System.FormattableString;

namespace FlashSale.Launcher;

/// <summary>
/// Starts the nodes one by one, then watches them: a node that exits is reported (its exit status or signal and
/// the end of its log) and restarted on the same ports while the others keep serving. A node that fails
/// <see cref="MaxFailures"/> times in a row (it exits or is not ready within <see cref="ReadyTimeout"/> of a start,
/// or exits within <see cref="StableAfter"/> of being ready) is given up on; with no silo or no API node left, the
/// cluster is stopped.
/// </summary>
internal sealed class Supervisor(IReadOnlyList<SupervisedNode> nodes, Probe probe, TimeSpan stopGrace)
{
    private const int MaxFailures = 3;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    /// <summary>A node that stayed ready this long had not been failing.</summary>
    private static readonly TimeSpan StableAfter = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan LookEvery = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Starts every node in turn, each once the one before is ready: the first silo installs the schema the others'
    /// membership needs. At the first start any failure stops everything: it is the setup that is wrong, not the node.
    /// </summary>
    public async Task StartAllAsync(CancellationToken cancellationToken)
    {
        foreach (var supervised in nodes)
        {
            var node = supervised.Node;
            Messages.Say($"starting {node.Name} (log: {node.Log})...");
            supervised.Start();
            while (!await probe.IsReadyAsync(node, cancellationToken))
            {
                if (supervised.Process!.HasExited)
                {
                    NodeLog.ShowTail(node, supervised.LogOffset);
                    throw new LaunchFailed($"{node.Name} exited during startup ({ExitStatus.Describe(supervised.Process.ExitStatus)}); see {node.Log}");
                }

                if (supervised.InPhase >= ReadyTimeout)
                {
                    NodeLog.ShowTail(node, supervised.LogOffset);
                    throw new LaunchFailed(Invariant($"{node.Name} was not ready within {ReadyTimeout.TotalSeconds}s; see {node.Log}"));
                }

                await Task.Delay(LookEvery, cancellationToken);
            }

            supervised.Enter(SupervisedNode.Phase.Ready);
        }
    }

    /// <summary>Watches the nodes until cancelled, or until no silo or no API node is left (<see cref="LaunchFailed"/>).</summary>
    public async Task WatchAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            foreach (var node in nodes)
            {
                await LookAtAsync(node, cancellationToken);
            }

            await Task.Delay(LookEvery, cancellationToken);
        }
    }

    /// <summary>One look at a node: an exit, a restarted node now ready or too slow, a restart that is due.</summary>
    private async Task LookAtAsync(SupervisedNode supervised, CancellationToken cancellationToken)
    {
        var node = supervised.Node;
        switch (supervised.State)
        {
            case SupervisedNode.Phase.GivenUp:
                return;
            case SupervisedNode.Phase.Down:
                if (Stopwatch.GetTimestamp() >= supervised.RestartAt)
                {
                    Messages.Say(Invariant($"restarting {node.Name} on the same ports (failed {supervised.Failures} time(s) in a row; given up on at {MaxFailures})..."));
                    supervised.Start();
                }

                return;
        }

        var process = supervised.Process!;
        if (process.HasExited)
        {
            var how = supervised.State == SupervisedNode.Phase.Starting ? "exited while restarting" : "exited unexpectedly";
            Failed(supervised, $"{how} ({ExitStatus.Describe(process.ExitStatus)})");
        }
        else if (supervised.State == SupervisedNode.Phase.Starting)
        {
            if (await probe.IsReadyAsync(node, cancellationToken))
            {
                Messages.Say(Invariant(
                    $"{node.Name} is back (pid {process.Pid}, ready {(int)supervised.InPhase.TotalSeconds}s after its restart)"));
                supervised.Enter(SupervisedNode.Phase.Ready);
            }
            else if (supervised.InPhase >= ReadyTimeout)
            {
                await process.StopAsync(node.Name, stopGrace);
                Failed(supervised, Invariant($"was not ready within {ReadyTimeout.TotalSeconds}s of its restart"));
            }
        }
    }

    /// <summary>The node is down: it is restarted after a pause, or given up on after <see cref="MaxFailures"/> in a row.</summary>
    private void Failed(SupervisedNode supervised, string what)
    {
        var node = supervised.Node;
        Messages.Say(Invariant($"{node.Name} (pid {supervised.Process!.Pid}) {what}; see {node.Log}"));
        NodeLog.ShowTail(node, supervised.LogOffset);
        supervised.Forget();
        if (supervised.State == SupervisedNode.Phase.Ready && supervised.InPhase >= StableAfter)
        {
            supervised.Failures = 0;
        }

        supervised.Failures++;
        if (supervised.Failures < MaxFailures)
        {
            // Each failure in a row waits a little longer, so that a cause that passes (a port in use) can pass.
            supervised.Enter(SupervisedNode.Phase.Down);
            supervised.RestartAt = Stopwatch.GetTimestamp() + (2 * (supervised.Failures - 1) * Stopwatch.Frequency);
            return;
        }

        supervised.Enter(SupervisedNode.Phase.GivenUp);
        Messages.Say(Invariant($"giving up on {node.Name}: it failed {MaxFailures} times in a row"));
        if (nodes.All(other => other.Node.Kind != node.Kind || other.State == SupervisedNode.Phase.GivenUp))
        {
            throw new LaunchFailed($"no {node.KindName} is left; stopping");
        }
    }
}
