using System.Diagnostics;

namespace FlashSale.FaultInjection.Cluster;

/// <summary>Runs deploy/postgres.sh, which starts private PostgreSQL servers as a non-root account; shared with the test suite.</summary>
public static class PostgresScript
{
    /// <returns>What the script printed on stdout: a connection string, for <c>start</c>.</returns>
    public static async Task<string> RunAsync(string repoRoot, params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(repoRoot, "deploy", "postgres.sh"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"deploy/postgres.sh {string.Join(' ', args)} failed: {await stderr}");
        }

        return await stdout;
    }
}
