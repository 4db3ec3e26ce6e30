using System.Diagnostics;
using System.Text;
using FlashSale.FaultInjection.Cluster;

namespace FlashSale.Tests.Infrastructure;

/// <summary>
/// A silo or API node run as its own OS process, as in production, so that tests can SIGKILL it; or one of the
/// scripts of deploy/ that start such processes themselves.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly StringBuilder _log = new();
    private Process _process = null!;

    private ServiceProcess()
    {
    }

    public string Name { get; private init; } = "";
    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process has written so far.</summary>
    public string Output
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public string RecentLog
    {
        get
        {
            var text = Output;
            return text.Length > 8000 ? text[^8000..] : text;
        }
    }

    public static ServiceProcess Start(string name, string dll, IReadOnlyDictionary<string, string> environment)
    {
        var service = new ServiceProcess { Name = name };
        service._process = DotnetProcess.Start(dll, environment, service.Append);
        return service;
    }

    /// <summary>A script of deploy/ (run.sh, test.sh), run from the checkout's root.</summary>
    public static ServiceProcess StartScript(string script, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var service = new ServiceProcess { Name = script };
        service._process = DotnetProcess.StartProgram(Path.Combine(Repo.Root, "deploy", script), arguments, Repo.Root, environment, service.Append);
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
        return await ExitCodeAsync(within);
    }

    /// <summary>
    /// The exit code, once the process has exited; fails if it is still running after <paramref name="within"/>.
    /// A process that exited while something it left behind still holds its output counts as exited.
    /// </summary>
    public async Task<int> ExitCodeAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException e) when (!_process.HasExited)
        {
            throw new TimeoutException($"{Name} still runs after {within}:\n{RecentLog}", e);
        }
        catch (OperationCanceledException)
        {
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
