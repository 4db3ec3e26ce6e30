using FlashSale.PushLatency;
using Run = FlashSale.UnitTests.Tools.CommandLineRun<FlashSale.PushLatency.PushLatencyOptions>;

namespace FlashSale.UnitTests.Tools;

/// <summary>The push-latency tool's command line, parsed in-process: no dashboard connects.</summary>
public sealed class PushLatencyCommandTests
{
    [Fact]
    public Task Help_explains_every_option() => Run.AssertHelpExplainsEveryOptionAsync(new PushLatencyCommand());

    [Fact]
    public async Task Only_the_signing_key_gives_a_thousand_dashboards_on_the_local_api_as_before()
    {
        var settings = await Run.SettingsAsync(new PushLatencyCommand(), "--signing-key", "k");

        Assert.Equal(new PushLatencyOptions(new Uri("http://127.0.0.1:5000"), "k", 1_000, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(6)), settings);
    }

    [Fact]
    public async Task The_benchmark_scripts_command_line_runs_as_it_means()
    {
        // tests/benchmark/push-latency.sh: times as hh:mm:ss, as the tool has always taken them.
        var settings = await Run.SettingsAsync(new PushLatencyCommand(), "--base-url", "http://127.0.0.1:5300", "--signing-key", "k",
            "--dashboards", "1000", "--listen", "00:00:30", "--warmup", "00:00:06");

        Assert.Equal(new PushLatencyOptions(new Uri("http://127.0.0.1:5300/"), "k", 1_000, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(6)), settings);
    }

    [Fact]
    public async Task Without_a_signing_key_it_is_refused_with_exit_code_2()
    {
        var errors = await Run.RefusedAsync(new PushLatencyCommand(), "--dashboards", "10");

        Assert.Contains("'--signing-key' is required", errors);
    }

    [Theory]
    [InlineData("--dashboards", "lots", "--dashboards must be a whole number (1 to 100000), not 'lots'")]
    [InlineData("--listen", "0", "--listen must be a time like 10s, 500ms, 2m or 00:01:30, above zero, not '0'")]
    [InlineData("--warmup", "00:99:00", "--warmup must be a time like 10s, 500ms, 2m or 00:01:30, not '00:99:00'")]
    [InlineData("--base-url", "http://10.0.0.7:5000", "--base-url must point at this machine (localhost, 127.0.0.0/8 or [::1]), not '10.0.0.7'")]
    public async Task A_bad_value_is_refused_with_exit_code_2_naming_the_option(string option, string value, string error)
    {
        var errors = await Run.RefusedAsync(new PushLatencyCommand(), "--signing-key", "k", option, value);

        Assert.StartsWith("error: " + error, errors);
    }

    [Fact]
    public async Task An_unknown_option_is_refused_with_exit_code_2_naming_it()
    {
        var errors = await Run.RefusedAsync(new PushLatencyCommand(), "--signing-key", "k", "--dashboard", "10");

        Assert.Contains("'--dashboard'", errors);
    }
}
