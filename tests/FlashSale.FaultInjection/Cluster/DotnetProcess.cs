using System.Diagnostics;

namespace FlashSale.FaultInjection.Cluster;

/// <summary>Starts a built silo or API node (a .dll) as its own process; shared with the test suite.</summary>
public static class DotnetProcess
{
    /// <param name="onLine">Gets each line the process writes, stdout and stderr alike.</param>
    /// <param name="inNamespace">A network namespace to run it in (<c>ip netns exec</c>, which execs: the process's PID is the node's).</param>
    public static Process Start(string dll, IReadOnlyDictionary<string, string> environment, Action<string> onLine, string? inNamespace = null) =>
        // Settings files sit beside the binary.
        inNamespace is null
            ? StartProgram("dotnet", [dll], Path.GetDirectoryName(dll)!, environment, onLine)
            : StartProgram("ip", ["netns", "exec", inNamespace, "dotnet", dll], Path.GetDirectoryName(dll)!, environment, onLine);

    /// <summary>Any program, started the same way: the suite also runs the scripts of deploy/.</summary>
    public static Process StartProgram(string program, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string> environment, Action<string> onLine)
    {
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

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
