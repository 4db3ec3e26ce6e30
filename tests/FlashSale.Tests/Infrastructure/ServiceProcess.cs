using System.Diagnostics;
using System.Text;
using FlashSale.FaultInjection.Cluster;

namespace FlashSale.Tests.Infrastructure;

/// <summary>A silo or API node run as its own OS process, as in production, so that tests can SIGKILL it.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly StringBuilder _log = new();
    private Process _process = null!;

    private ServiceProcess()
    {
    }

    public string Name { get; private init; } = "";
    public bool HasExited => _process.HasExited;

    public string RecentLog
    {
        get
        {
            lock (_log)
            {
                var text = _log.ToString();
                return text.Length > 8000 ? text[^8000..] : text;
            }
        }
    }

    public static ServiceProcess Start(string name, string dll, IReadOnlyDictionary<string, string> environment)
    {
        var service = new ServiceProcess { Name = name };
        service._process = DotnetProcess.Start(dll, environment, service.Append);
        return service;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, exactly like a machine losing power to this process.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>
    /// SIGTERM, as an orchestrator stops a pod: the process shuts down gracefully. Returns its exit
    /// code once it has exited; fails if it is still running after <paramref name="within"/>.
    /// </summary>
    public async Task<int> TerminateAsync(TimeSpan within)
    {
        Signals.Terminate(_process.Id);

        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} still runs {within} after SIGTERM:\n{RecentLog}");
        }

        return _process.ExitCode;
    }

    /// <summary>Waits until <paramref name="ready"/> holds, failing fast if the process dies first.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> ready, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} while starting:\n{RecentLog}");
            }

            try
            {
                if (await ready())
                {
                    return;
                }
            }
            catch (Exception)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{Name} was not ready within {timeout}:\n{RecentLog}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string line)
    {
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
