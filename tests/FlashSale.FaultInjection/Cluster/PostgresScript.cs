using System.Diagnostics;

namespace FlashSale.FaultInjection.Cluster;

/// <summary>Runs deploy/postgres.sh, which starts private PostgreSQL servers as a non-root account; shared with the test suite.</summary>
public static class PostgresScript
{
    /// <returns>What the script printed on stdout: a connection string, for <c>start</c>.</returns>
    public static Task<string> RunAsync(string repoRoot, params string[] args) => RunInAsync(repoRoot, null, args);

    /// <summary>As <see cref="RunAsync"/>, with the server in a network namespace, listening on its address there.</summary>
    public static async Task<string> RunInAsync(string repoRoot, Network.LabNode? node, params string[] args)
    {
        var (exitCode, stdout, stderr) = await ExecuteAsync(repoRoot, args, node);
        return exitCode == 0 ? stdout : throw new InvalidOperationException($"deploy/postgres.sh {string.Join(' ', args)} failed: {stderr}");
    }

    /// <summary>Whether a server runs on <paramref name="dataDir"/>: postgres.sh status's exit code (0 running, 3 not, 4 no cluster).</summary>
    public static async Task<int> StatusAsync(string repoRoot, string dataDir) => (await ExecuteAsync(repoRoot, ["status", dataDir])).ExitCode;

    private static async Task<(int ExitCode, string Stdout, string Stderr)> ExecuteAsync(string repoRoot, string[] args, Network.LabNode? node = null)
    {
        var script = Path.Combine(repoRoot, "deploy", "postgres.sh");
        var start = new ProcessStartInfo(node is null ? script : "ip")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (node is not null)
        {
            foreach (var arg in new[] { "netns", "exec", node.Namespace, script })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["FLASHSALE_PG_LISTEN"] = node.Addresses[Network.NetworkLink.Database];
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
