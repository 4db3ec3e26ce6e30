using System.Diagnostics;

namespace FlashSale.FaultInjection.Cluster;

/// <summary>
/// One silo or API node, run as its own OS process so that it can be killed, frozen and restarted
/// like a machine. Its output goes to a log file of its own, kept across restarts. In a partition run it runs in
/// its own network namespace (<paramref name="inNamespace"/>).
/// </summary>
public sealed class NodeProcess(string name, string dll, IReadOnlyDictionary<string, string> environment, string logPath, string? inNamespace = null)
    : IAsyncDisposable
{
    private readonly Lock _logGate = new();
    private Process? _process;
    private StreamWriter? _log;

    public string Name => name;
    public int Pid => _process?.Id ?? throw new InvalidOperationException($"{name} was never started");
    public bool HasExited => _process is null || _process.HasExited;

    /// <summary>Times the process ended on an unhandled exception (the runtime's own last words), across restarts.</summary>
    public int Crashes { get; private set; }

    /// <summary>
    /// Ledger writes the database refused whole, as a silo logs them: a stale count, a limit or a constraint (an
    /// activation whose view was out of date, such as a second activation of its campaign), or a closed campaign.
    /// </summary>
    public int FenceRefusals { get; private set; }

    /// <summary>Breaches the auditor of the books raised in this silo, as its log says (an error per breach, event 2601).</summary>
    public int AuditBreaches { get; private set; }

    public void Start()
    {
        _log ??= new StreamWriter(logPath, append: true) { AutoFlush = true };
        _log.WriteLine($"===== {DateTimeOffset.UtcNow:O} starting {name} =====");
        _process = DotnetProcess.Start(dll, environment, Write, inNamespace);
    }

    /// <summary>SIGKILL: no shutdown hooks, nothing flushed, as when the machine loses power.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public void Freeze() => Signals.Stop(Pid);

    public void Thaw() => Signals.Continue(Pid);

    /// <summary>Whether the process ended by itself within <paramref name="timeout"/>.</summary>
    public async Task<bool> ExitsWithinAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process!.WaitForExitAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                // A frozen process ignores nothing but SIGKILL; thaw it anyway so that its children exit too.
                Signals.Continue(process.Id);
            }

            await KillAsync();
            process.Dispose();
        }

        _log?.Dispose();
    }

    private void Write(string line)
    {
        lock (_logGate)
        {
            _log?.WriteLine(line);
            Crashes += line.StartsWith("Unhandled exception.", StringComparison.Ordinal) ? 1 : 0;
            FenceRefusals += line.Contains("The ledger refused the batch:", StringComparison.Ordinal) ? 1 : 0;
            AuditBreaches += line.Contains("BooksAuditorGrain[2601]", StringComparison.Ordinal) ? 1 : 0;
        }
    }
}
