using System.Text.Json;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Faults;

/// <summary>
/// The fault-injection harness's short run, as CI's reliability gate: a 3-silo, 2-API cluster on its
/// own PostgreSQL, a claim race beside shoppers', tills' and marketing's money requests (redemptions,
/// checkouts, refunds, transfers, points, pauses, an end, top-ups), a silo SIGKILLed, PostgreSQL
/// stopped immediately, a silo frozen past its membership timeout; then every outcome checked against
/// the ledger, the claim invariants and the money rules M1-M7. Longer runs: RELIABILITY.md.
/// </summary>
[Trait("Tier", "EndToEnd")]
public sealed class FaultInjectionTests(ITestOutputHelper output)
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task Nothing_acknowledged_is_lost_and_nothing_is_issued_twice_through_a_silo_kill_a_database_crash_and_a_frozen_silo()
    {
        var report = await RunHarnessAsync();

        Assert.True(report.GetProperty("passed").GetBoolean(), "a check failed: see the output");
        Assert.Equal(["sigkill", "database_crash", "sigstop"],
            report.GetProperty("faults").EnumerateArray().Select(f => f.GetProperty("kind").GetString()!), StringComparer.Ordinal);
        Assert.Equal(0, report.GetProperty("lost").GetInt64());
        Assert.Equal(0, report.GetProperty("double").GetInt64());
        Assert.Equal(0, report.GetProperty("unresolved").GetInt64());
        Assert.True(report.GetProperty("acknowledged").GetInt64() > 1_000, "too few claims to call it a race");
        // The faults must have bitten: some claims were in flight when they struck.
        Assert.True(report.GetProperty("unknown").GetInt64() > 0, "no claim's outcome was ever unknown");
        // The money routes ran beside the claims, every worker through at least one shopper's flow.
        Assert.True(report.GetProperty("moneyFlows").GetInt32() >= 8, "too few shoppers' money flows");
    }

    /// <summary>
    /// The same run with every node in a network namespace of its own, and network partitions after the three faults
    /// above: a silo cut off from the other silos but not from PostgreSQL (two activations of its grains may write),
    /// an API node cut off from the silos, a silo cut off from everything, PostgreSQL cut off from every node, a
    /// silo's link flapping.
    /// </summary>
    [Fact]
    public async Task Nothing_acknowledged_is_lost_and_nothing_is_issued_twice_through_network_partitions()
    {
        var report = await RunHarnessAsync("--partitions");

        Assert.True(report.GetProperty("passed").GetBoolean(), "a check failed: see the output");
        Assert.Equal(["sigkill", "database_crash", "sigstop", "partition_silo_from_silos", "partition_api_from_silos", "partition_silo_from_all",
            "partition_database", "partition_flapping"],
            report.GetProperty("faults").EnumerateArray().Select(f => f.GetProperty("kind").GetString()!), StringComparer.Ordinal);
        Assert.Equal(0, report.GetProperty("lost").GetInt64());
        Assert.Equal(0, report.GetProperty("double").GetInt64());
        Assert.Equal(0, report.GetProperty("unresolved").GetInt64());
        Assert.True(report.GetProperty("acknowledged").GetInt64() > 1_000, "too few claims to call it a race");
        // Cut off from the silos but not from PostgreSQL, a silo is declared dead and then learns it from the table.
        var cut = report.GetProperty("faults").EnumerateArray().Single(f => f.GetProperty("kind").GetString() == "partition_silo_from_silos");
        Assert.Contains("it ended itself", cut.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> RunHarnessAsync(params string[] args)
    {
        var (_, report) = await ToolRun.RunAsync(Repo.Binary("tests/FlashSale.FaultInjection", "FlashSale.FaultInjection.dll"), args, RunLimit, output);
        return report ?? throw new Xunit.Sdk.XunitException("the harness wrote no report: see the output");
    }
}
