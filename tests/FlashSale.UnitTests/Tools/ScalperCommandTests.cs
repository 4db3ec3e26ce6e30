using FlashSale.Scalpers.Options;
using Run = FlashSale.UnitTests.Tools.CommandLineRun<FlashSale.Scalpers.Options.ScalperOptions>;

namespace FlashSale.UnitTests.Tools;

/// <summary>The scalper scenario's command line, parsed in-process: no sale, no farm.</summary>
public sealed class ScalperCommandTests
{
    private const string Connection = "Host=127.0.0.1;Port=25537;Database=flashsale;Username=flashsale;Password=flashsale";

    [Fact]
    public Task Help_explains_every_option() => Run.AssertHelpExplainsEveryOptionAsync(new ScalperCommand());

    [Fact]
    public async Task No_options_give_issue_21s_sale_of_500_coupons_for_2000_shoppers_and_a_farm_of_200_without_rules()
    {
        var settings = await Run.SettingsAsync(new ScalperCommand());

        Assert.Equal(new ScalperOptions(), settings);
        Assert.Equal((500, 2_000, 200, 2, 1), (settings.Stock, settings.Shoppers, settings.FarmAccounts, settings.FarmRanges, settings.FarmSolvers));
        Assert.Equal((TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1), 21), (settings.OpensIn, settings.TimeLimit, settings.Seed));
        Assert.Equal((false, false), (settings.FarmMimicsBrowser, settings.ShoppersSkipRead));
        Assert.All(new object?[] { settings.SigningKey, settings.Rules, settings.Network, settings.Database, settings.JsonPath }, Assert.Null);
    }

    [Fact]
    public async Task The_benchmark_scripts_command_lines_run_as_they_mean()
    {
        // tests/benchmark/scalpers.sh: an "after" run, and its variants.
        var rules = BenchmarkRules.Path("scalpers.json");
        var after = await Run.SettingsAsync(new ScalperCommand(), "--base-url", "http://127.0.0.1:5397", "--signing-key", "k", "--db", Connection,
            "--network", "3", "--json", "/tmp/run1-after.json", "--rules", rules);
        var shopPage = await Run.SettingsAsync(new ScalperCommand(), "--rules", rules, "--shoppers-skip-read");
        var mimic = await Run.SettingsAsync(new ScalperCommand(), "--rules", rules, "--farm-mimics-browser", "--farm-solvers", "2", "--farm-ranges", "3");

        Assert.Equal((new Uri("http://127.0.0.1:5397/"), "k", Connection, 3, "/tmp/run1-after.json"),
            (after.BaseUrl, after.SigningKey, after.Database, after.Network, after.JsonPath));
        Assert.Equal(rules, after.Rules!.Path);
        Assert.Equal(["script headers", "rotating script", "blind claim at the opening", "rotating devices without a read", "account hopping devices",
            "too fast for a person", "device churn", "probe: opening unknown to the node"],
            after.Rules.Rules.Select(r => r["name"]!.GetValue<string>()), StringComparer.Ordinal);
        Assert.True(shopPage.ShoppersSkipRead);
        Assert.Equal((true, 2, 3), (mimic.FarmMimicsBrowser, mimic.FarmSolvers, mimic.FarmRanges));
    }

    [Fact]
    public async Task The_end_to_end_tests_small_sale_runs_as_it_means()
    {
        var settings = await Run.SettingsAsync(new ScalperCommand(), "--shoppers", "200", "--farm-accounts", "20", "--stock", "50",
            "--opens-in", "2s", "--time-limit", "20s", "--seed=7");

        Assert.Equal((200, 20, 50, 7), (settings.Shoppers, settings.FarmAccounts, settings.Stock, settings.Seed));
        Assert.Equal((TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(20)), (settings.OpensIn, settings.TimeLimit));
    }

    [Theory]
    [InlineData("--stock", "0", "--stock must be a whole number (1 to 100000), not '0'")]
    [InlineData("--shoppers", "20_001", "--shoppers must be a whole number (1 to 20000), not '20_001'")]
    [InlineData("--farm-accounts", "none", "--farm-accounts must be a whole number (1 to 10000), not 'none'")]
    [InlineData("--farm-ranges", "4", "--farm-ranges must be a whole number (1 to 3), not '4'")]
    [InlineData("--farm-solvers", "0", "--farm-solvers must be a whole number (1 to 16), not '0'")]
    [InlineData("--opens-in", "1s", "--opens-in must be a time like 10s, 500ms, 2m or 00:01:30, 2s to 10m, not '1s'")]
    [InlineData("--time-limit", "31m", "--time-limit must be a time like 10s, 500ms, 2m or 00:01:30, 5s to 30m, not '31m'")]
    [InlineData("--network", "0", "--network must be a whole number (1 to 63), not '0'")]
    [InlineData("--network", "64", "--network must be a whole number (1 to 63), not '64'")]
    [InlineData("--seed", "-1", "--seed must be a whole number (at least 0), not '-1'")]
    [InlineData("--base-url", "http://10.0.0.7:5000", "--base-url must point at this machine (localhost, 127.0.0.0/8 or [::1]), not '10.0.0.7'")]
    [InlineData("--db", "Hots=localhost", "--db is not an Npgsql connection string")]
    [InlineData("--rules", "/no/such/rules.json", "--rules: cannot use '/no/such/rules.json': Could not find")]
    public async Task A_bad_value_is_refused_with_exit_code_2_naming_the_option(string option, string value, string error)
    {
        var errors = await Run.RefusedAsync(new ScalperCommand(), option, value);

        Assert.StartsWith("error: " + error, errors);
    }

    [Theory]
    [InlineData("--opens-in", "1m")]
    [InlineData("--opens-in", "10s", "--time-limit", "12s")]
    public async Task A_time_limit_that_leaves_the_sale_no_time_after_its_opening_is_refused(params string[] args)
    {
        var errors = await Run.RefusedAsync(new ScalperCommand(), args);

        Assert.StartsWith("error: --time-limit must be at least 3s longer than --opens-in", errors);
    }

    [Fact]
    public async Task A_time_limit_3s_past_the_opening_is_enough()
    {
        var settings = await Run.SettingsAsync(new ScalperCommand(), "--opens-in", "10s", "--time-limit", "13s");

        Assert.Equal(TimeSpan.FromSeconds(13), settings.TimeLimit);
    }

    [Theory]
    [InlineData("--farm-size", "10")]
    [InlineData("--rules")]
    public async Task An_unknown_option_or_one_without_its_value_is_refused_with_exit_code_2(params string[] args)
    {
        var errors = await Run.RefusedAsync(new ScalperCommand(), args);

        Assert.Contains(args[0], errors);
    }
}
