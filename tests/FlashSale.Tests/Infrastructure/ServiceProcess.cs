using System.Diagnostics;
using System.Text;

namespace FlashSale.Tests.Infrastructure;

/// <summary>A silo or API node run as its own OS process, as in production, so that tests can SIGKILL it.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ServiceProcess(Process process) => _process = process;

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
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var service = new ServiceProcess(process) { Name = name };
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
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
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
        {
            await kill.WaitForExitAsync();
        }

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

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
