using System.Text.Json;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.LoadGen;

/// <summary>
/// Issue 21's scalper scenario (tests/FlashSale.Scalpers) run as tests/benchmark/scalpers.sh runs it, on a small
/// sale: without rules the farm takes its share at the opening; with the benchmark's rules it takes a tenth of
/// that at most, and no ordinary shopper is refused.
/// </summary>
[Collection(nameof(RunningSystemCollection))]
[Trait("Tier", "EndToEnd")]
public sealed class ScalperScenarioTests(RunningSystem system, ITestOutputHelper output)
{
    private const int Stock = 50;
    private const int FarmAccounts = 20;
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task The_benchmarks_rules_cut_the_farms_share_tenfold_and_refuse_no_ordinary_shopper()
    {
        // Address blocks of their own: the engine counts ranges and fingerprints over a day, and blocks them.
        var network = Random.Shared.Next(1, 63);
        var before = await RunAsync(network);
        var after = await RunAsync(network + 1, "--rules", Path.Combine(Repo.Root, "tests", "benchmark", "rules", "scalpers.json"));

        var (farmBefore, farmAfter) = (Coupons(before, "farm"), Coupons(after, "farm"));
        Assert.True(farmBefore >= FarmAccounts / 2, $"without rules the farm got only {farmBefore} of {Stock}");
        Assert.True(farmAfter * 10 <= farmBefore, $"with the rules the farm still got {farmAfter} (before: {farmBefore})");
        Assert.All(new[] { before, after }, run => Assert.Equal(Stock, Coupons(run, "farm") + Coupons(run, "ordinary")));
        var ordinary = after.GetProperty("ordinary");
        Assert.Equal((0, 0), (ordinary.GetProperty("denied").GetInt32(), ordinary.GetProperty("blocked").GetInt32()));
        Assert.True(ordinary.GetProperty("challengedPercent").GetDouble() < 1, ordinary.ToString());
        // The rules did it, on record: the farm was challenged or refused.
        var farm = after.GetProperty("farm");
        Assert.True(farm.GetProperty("challenges").GetInt64() + farm.GetProperty("denied").GetInt64() + farm.GetProperty("blocked").GetInt64() > 0, farm.ToString());
        Assert.Contains(after.GetProperty("decisions").EnumerateArray(), d => d.GetProperty("population").GetString() == "farm");
    }

    private static long Coupons(JsonElement report, string population) => report.GetProperty("coupons").GetProperty(population).GetInt64();

    private async Task<JsonElement> RunAsync(int network, params string[] args)
    {
        var (exitCode, report) = await ToolRun.RunAsync(Repo.Binary("tests/FlashSale.Scalpers", "FlashSale.Scalpers.dll"), args.Concat([
            "--base-url", system.BaseAddress.ToString(), "--signing-key", DevelopmentSettings.SigningKey(), "--db", await TestDatabase.ConnectionStringAsync(),
            "--network", $"{network}", "--shoppers", "200", "--farm-accounts", $"{FarmAccounts}", "--stock", $"{Stock}", "--opens-in", "2s", "--time-limit", "20s",
        ]), RunLimit, output);
        Assert.Equal(0, exitCode);
        return report!.Value;
    }
}
