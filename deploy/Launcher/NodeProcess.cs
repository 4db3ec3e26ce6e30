using System.ComponentModel;
using System.Diagnostics;
using static System.FormattableString;

namespace FlashSale.Launcher;

/// <summary>
/// One start of a node: a <c>dotnet</c> process in a session of its own, its output appended to its log by
/// itself, so that it keeps logging whatever becomes of the launcher.
/// </summary>
internal sealed class NodeProcess : IDisposable
{
    private readonly Process _process;

    private NodeProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The exit status once it has exited, as the shell gives it: 128 + the signal's number for a signal.</summary>
    public int ExitStatus => _process.ExitCode;

    /// <summary>
    /// setsid keeps the terminal's Ctrl-C away from the node, so that the launcher stops the nodes in order. Forked
    /// from here, setsid is no process group leader, so it execs in place: the pid is the node's, and it leads its
    /// own process group, which is signalled as a whole.
    /// </summary>
    public static NodeProcess Start(string assembly, IReadOnlyDictionary<string, string> environment, string log)
    {
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     "/bin/sh", "-c", "log=$1; shift; exec \"$@\" </dev/null >>\"$log\" 2>&1", "sh", log, Environment.ProcessPath ?? "dotnet", assembly,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        try
        {
            return new NodeProcess(Process.Start(start)!);
        }
        catch (Win32Exception e)
        {
            throw new LaunchFailed($"could not start {assembly} through setsid (util-linux): {e.Message}");
        }
    }

    /// <summary>SIGTERM to the node's group; after <paramref name="grace"/> without it exiting, SIGKILL.</summary>
    public async Task StopAsync(string name, TimeSpan grace)
    {
        if (!_process.HasExited)
        {
            Messages.Say(Invariant($"stopping {name} (pid {Pid})..."));
            Signals.SendToGroup(Pid, Signals.Terminate);
            using var drained = new CancellationTokenSource(grace);
            try
            {
                await _process.WaitForExitAsync(drained.Token);
            }
            catch (OperationCanceledException)
            {
                Messages.Say(Invariant($"{name} did not exit within {grace.TotalSeconds}s; killing it"));
                Signals.SendToGroup(Pid, Signals.Kill);
                await _process.WaitForExitAsync(CancellationToken.None);
            }

            Messages.Say(name + " stopped");
        }

        // Stray grandchildren, if any.
        Signals.SendToGroup(Pid, Signals.Kill);
    }

    public void Dispose() => _process.Dispose();
}
