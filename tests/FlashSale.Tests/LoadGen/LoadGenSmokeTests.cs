using System.Text.Json;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.LoadGen;

/// <summary>
/// The benchmark's load generator, run as the benchmark runs it (its own process, real HTTP, the ledger
/// checked in PostgreSQL), on a campaign small enough to sell out in a few seconds.
/// </summary>
[Collection(nameof(RunningSystemCollection))]
[Trait("Tier", "EndToEnd")]
public sealed class LoadGenSmokeTests(RunningSystem system, ITestOutputHelper output)
{
    private const int Stock = 400;
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_closed_loop_run_sells_out_and_every_invariant_holds_in_the_ledger()
    {
        var report = await RunLoadGenAsync("--mode", "closed", "--connections", "32", "--requests", "3000");

        AssertSoldOutCleanly(report, requests: 3000);
    }

    [Fact]
    public async Task An_open_loop_run_with_locally_minted_tokens_sells_out_and_every_invariant_holds()
    {
        // Tokens signed here with the API's Development key: the path a million-shopper benchmark takes.
        var report = await RunLoadGenAsync("--mode", "open", "--rate", "1500", "--connections", "32", "--requests", "1500",
            "--signing-key", DevelopmentSettings.SigningKey());

        AssertSoldOutCleanly(report, requests: 1500);
        Assert.NotEqual(JsonValueKind.Null, report.GetProperty("serviceTimeMs").ValueKind);
    }

    private static void AssertSoldOutCleanly(JsonElement report, int requests)
    {
        Assert.Equal(requests, report.GetProperty("requests").GetInt64());
        Assert.Equal(Stock, report.GetProperty("issued").GetInt64());
        var invariants = report.GetProperty("invariants");
        Assert.True(invariants.GetProperty("passed").GetBoolean(), invariants.ToString());
        var campaign = Assert.Single(invariants.GetProperty("campaigns").EnumerateArray());
        Assert.Equal(Stock, campaign.GetProperty("issued").GetInt32());
        Assert.Equal(Stock, campaign.GetProperty("couponRows").GetInt64());
        Assert.True(campaign.GetProperty("soldOutSeen").GetBoolean());
        Assert.True(report.GetProperty("outcomes").GetProperty("201 replayed").GetInt64() > 0, "no replay was sent");
    }

    /// <summary>Runs the generator to its end and returns its --json report; its exit code must be 0 (every invariant held).</summary>
    private async Task<JsonElement> RunLoadGenAsync(params string[] args)
    {
        var (exitCode, report) = await ToolRun.RunAsync(Repo.Binary("tests/FlashSale.LoadGen", "FlashSale.LoadGen.dll"), args.Concat([
            "--base-url", system.BaseAddress.ToString(), "--target", "claims",
            "--shoppers", "500", "--stock", $"{Stock}", "--per-user-limit", "2", "--replay-share", "0.1",
            "--db", await TestDatabase.ConnectionStringAsync(),
        ]), RunLimit, output);
        Assert.Equal(0, exitCode);
        return report!.Value;
    }
}
