using System.Diagnostics;
using System.Globalization;

namespace FlashSale.Launcher;

/// <summary>A node as the supervisor follows it: its current process, if any, and how its starts have gone.</summary>
internal sealed class SupervisedNode(Node node, string connectionString)
{
    public enum Phase
    {
        Starting,
        Ready,
        Down,
        GivenUp,
    }

    private long _phaseSince;

    public Node Node { get; } = node;

    public NodeProcess? Process { get; private set; }

    public Phase State { get; private set; } = Phase.Down;

    public TimeSpan InPhase => Stopwatch.GetElapsedTime(_phaseSince);

    /// <summary>Failures in a row: exits, and starts that were not ready in time.</summary>
    public int Failures { get; set; }

    /// <summary>Where the log stood when the current start began.</summary>
    public long LogOffset { get; private set; }

    /// <summary>When a node that is down is to be started again.</summary>
    public long RestartAt { get; set; }

    /// <summary>Launches the node without waiting for it, on its own ports (the same ones again on a restart).</summary>
    public void Start()
    {
        LogOffset = NodeLog.MarkStart(Node);
        Process = NodeProcess.Start(Node.Assembly, NodeEnvironment.Of(Node, connectionString), Node.Log);
        File.WriteAllText(Node.PidFile, Process.Pid.ToString(CultureInfo.InvariantCulture) + "\n");
        Enter(Phase.Starting);
    }

    public void Enter(Phase phase)
    {
        State = phase;
        _phaseSince = Stopwatch.GetTimestamp();
    }

    /// <summary>The process is gone (it exited, or was stopped): no pid file says otherwise.</summary>
    public void Forget()
    {
        Process?.Dispose();
        Process = null;
        File.Delete(Node.PidFile);
    }

    public async Task StopAsync(TimeSpan grace)
    {
        if (Process is not null)
        {
            await Process.StopAsync(Node.Name, grace);
        }

        Forget();
    }
}
