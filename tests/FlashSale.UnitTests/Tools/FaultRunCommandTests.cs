using FlashSale.FaultInjection;
using Run = FlashSale.UnitTests.Tools.CommandLineRun<FlashSale.FaultInjection.FaultRunOptions>;

namespace FlashSale.UnitTests.Tools;

/// <summary>The fault harness's command line, parsed in-process: no cluster is started.</summary>
public sealed class FaultRunCommandTests
{
    [Fact]
    public Task Help_explains_every_option() => Run.AssertHelpExplainsEveryOptionAsync(new FaultRunCommand());

    [Fact]
    public async Task No_options_give_the_ci_run_as_before()
    {
        var settings = await Run.SettingsAsync(new FaultRunCommand());

        Assert.Equal(new FaultRunOptions(Silos: 3, Apis: 2, Workers: 48, MoneyWorkers: 8, Rounds: 1, DatabaseOutage: TimeSpan.FromSeconds(3),
            RequestTimeout: TimeSpan.FromSeconds(5), ProbeTimeout: TimeSpan.FromSeconds(2), ScarceStock: 1_500, JsonPath: null), settings);
        Assert.False(settings.NothingJudgedFails);
    }

    [Fact]
    public async Task The_documented_long_run_and_every_option_in_seconds_as_before()
    {
        // README and RELIABILITY.md: --rounds 5 --outage 10; the suite's run adds --json.
        var settings = await Run.SettingsAsync(new FaultRunCommand(), "--rounds", "5", "--outage", "10", "--silos", "4", "--apis", "1",
            "--workers", "12", "--money-workers", "0", "--timeout", "7.5", "--probe-timeout", "3", "--scarce-stock", "200", "--json", "/tmp/r.json");

        Assert.Equal(new FaultRunOptions(4, 1, 12, 0, 5, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(7.5), TimeSpan.FromSeconds(3), 200, "/tmp/r.json"),
            settings);
        Assert.True(settings.NothingJudgedFails);
    }

    [Theory]
    [InlineData("--silos", "2", "--silos must be a whole number (3 to 16), not '2'")]
    [InlineData("--rounds", "two", "--rounds must be a whole number (1 to 100), not 'two'")]
    [InlineData("--workers", "0", "--workers must be a whole number (1 to 10000), not '0'")]
    [InlineData("--money-workers", "-1", "--money-workers must be a whole number (0 to 1000), not '-1'")]
    [InlineData("--outage", "-3", "--outage must be a time like 10s, 500ms, 2m or 00:01:30, above zero, not '-3'")]
    [InlineData("--probe-timeout", "soon", "--probe-timeout must be a time like 10s, 500ms, 2m or 00:01:30, above zero, not 'soon'")]
    [InlineData("--scarce-stock", "1.5", "--scarce-stock must be a whole number (1 to 10000000), not '1.5'")]
    public async Task A_bad_value_is_refused_with_exit_code_2_naming_the_option(string option, string value, string error)
    {
        var errors = await Run.RefusedAsync(new FaultRunCommand(), option, value);

        Assert.StartsWith("error: " + error, errors);
    }

    [Theory]
    [InlineData("--round", "5")]
    [InlineData("--duration", "10s")]
    public async Task An_unknown_option_is_refused_with_exit_code_2_naming_it(params string[] args)
    {
        var errors = await Run.RefusedAsync(new FaultRunCommand(), args);

        Assert.Contains($"'{args[0]}'", errors);
    }

    [Fact]
    public async Task An_option_without_its_value_is_refused()
    {
        var errors = await Run.RefusedAsync(new FaultRunCommand(), "--json");

        Assert.Contains("'--json'", errors);
    }
}
