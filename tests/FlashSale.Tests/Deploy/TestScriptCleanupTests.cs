using System.Diagnostics;
using System.Text.RegularExpressions;
using FlashSale.FaultInjection.Cluster;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Deploy;

/// <summary>
/// deploy/test.sh run inside this run, on the build already there and a data folder of its own (so this run's
/// PostgreSQL is not touched): whether its tests pass or their host is killed, it leaves nothing running.
/// </summary>
[Trait("Tier", "EndToEnd")]
public sealed partial class TestScriptCleanupTests(ITestOutputHelper output)
{
    /// <summary>Quick tests that start the tests' PostgreSQL.</summary>
    private const string Filter = "FullyQualifiedName~SchemaMigrationTests.A_silo_restarting_into_a_cluster_serving_claims";

    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_passing_run_exits_0_and_leaves_nothing_running()
    {
        var (exitCode, said) = await RunAsync(killTestHost: false);

        Assert.Equal(0, exitCode);
        Assert.Matches(TestsPassed(), said);
    }

    [Fact]
    public async Task A_run_whose_test_host_is_killed_fails_and_leaves_nothing_running()
    {
        var (exitCode, _) = await RunAsync(killTestHost: true);

        Assert.NotEqual(0, exitCode);
    }

    /// <summary>
    /// Runs test.sh, watching its process tree, and checks that once it has exited nothing of that tree is left,
    /// no process carries its data folder, and its PostgreSQL is stopped. <paramref name="killTestHost"/>: SIGKILLs
    /// the test host as soon as the tests' PostgreSQL is up, as a crash would end it.
    /// </summary>
    /// <returns>test.sh's exit code and what it wrote.</returns>
    private async Task<(int ExitCode, string Said)> RunAsync(bool killTestHost)
    {
        var data = Path.Combine(Repo.Data, $"test-nested-{Guid.NewGuid():N}");
        var server = Path.Combine(data, "test-postgres");
        var run = ServiceProcess.StartScript("test.sh", ["--no-build", "--filter", Filter],
            new Dictionary<string, string>(StringComparer.Ordinal) { ["FLASHSALE_TEST_DATA"] = data });
        var seen = new HashSet<ProcessTable.Entry>();
        var clock = Stopwatch.StartNew();
        try
        {
            var killed = false;
            while (!run.HasExited && clock.Elapsed < RunLimit)
            {
                seen.UnionWith(ProcessTable.Descendants(run.Pid));
                if (killTestHost && !killed && ServerIsUp(server)
                    && seen.FirstOrDefault(entry => entry.CommandLine.Contains("testhost") && ProcessTable.IsRunning(entry)) is { } host)
                {
                    Process.GetProcessById(host.Pid).Kill();
                    killed = true;
                    output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: killed the test host: {host.CommandLine}");
                }

                await Task.Delay(100);
            }

            var exitCode = await run.ExitCodeAsync(TimeSpan.FromSeconds(10));
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: test.sh exited with {exitCode}");
            Assert.True(killed || !killTestHost, "the test host was never seen with its PostgreSQL up");

            Assert.Empty(seen.Where(ProcessTable.IsRunning).Select(entry => $"{entry.Pid} {entry.CommandLine}"));
            Assert.Empty(ProcessTable.WithEnvironment("FLASHSALE_TEST_DATA", data).Select(entry => $"{entry.Pid} {entry.CommandLine}"));
            Assert.Equal(3, await PostgresScript.StatusAsync(Repo.Root, server));
            return (exitCode, run.Output);
        }
        finally
        {
            output.WriteLine(run.RecentLog);
            await run.DisposeAsync();
            await PostgresScript.RunAsync(Repo.Root, "stop", server);
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    /// <summary>The postmaster says it is ready to accept connections (initdb's own runs write the file too).</summary>
    private static bool ServerIsUp(string dataDir)
    {
        try
        {
            return File.ReadLines(Path.Combine(dataDir, "postmaster.pid")).Any(line => line.Trim() == "ready");
        }
        catch (IOException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"Passed:\s+[1-9]")]
    private static partial Regex TestsPassed();
}
