using System.Diagnostics;

namespace FlashSale.FaultInjection.Cluster;

/// <summary>Starts a built silo or API node (a .dll) as its own process; shared with the test suite.</summary>
public static class DotnetProcess
{
    /// <param name="onLine">Gets each line the process writes, stdout and stderr alike.</param>
    public static Process Start(string dll, IReadOnlyDictionary<string, string> environment, Action<string> onLine)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // Settings files sit beside the binary.
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Forward(e.Data);
        process.ErrorDataReceived += (_, e) => Forward(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;

        void Forward(string? line)
        {
            if (line is not null)
            {
                onLine(line);
            }
        }
    }
}
