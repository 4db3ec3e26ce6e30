using FlashSale.LoadGen.Options;
using Run = FlashSale.UnitTests.Tools.CommandLineRun<FlashSale.LoadGen.Options.LoadOptions>;

namespace FlashSale.UnitTests.Tools;

/// <summary>The load generator's command line, parsed in-process: no server, no database.</summary>
public sealed class LoadCommandTests
{
    private const string Key = "test-signing-key-of-at-least-32-bytes";
    private const string Connection = "Host=127.0.0.1;Port=25432;Database=flashsale;Username=flashsale;Password=flashsale";

    [Fact]
    public Task Help_explains_every_option() => Run.AssertHelpExplainsEveryOptionAsync(new LoadCommand());

    [Fact]
    public async Task No_options_give_a_ten_second_closed_loop_after_a_two_second_warmup_as_before()
    {
        var settings = await Run.SettingsAsync(new LoadCommand());

        Assert.Equal(new LoadOptions { Duration = TimeSpan.FromSeconds(10), Warmup = TimeSpan.FromSeconds(2) }, settings);
        Assert.Equal(new Uri("http://localhost:5000/"), settings.BaseUrl);
        Assert.Equal((Target.Claims, LoopMode.Closed, 64, 1, 1_000, 1, 10_000, 0.05), (settings.Target, settings.Mode, settings.Connections,
            settings.Campaigns, settings.Stock, settings.PerUserLimit, settings.Shoppers, settings.ReplayShare));
        Assert.Equal((TimeSpan.FromSeconds(10), "flashsale", "flashsale-api"), (settings.Timeout, settings.Issuer, settings.Audience));
        Assert.All(new object?[] { settings.Rate, settings.Requests, settings.SigningKey, settings.TokenUrl, settings.Database, settings.JsonPath }, Assert.Null);
    }

    [Fact]
    public async Task A_counted_run_has_no_duration_and_no_warmup_unless_asked()
    {
        var counted = await Run.SettingsAsync(new LoadCommand(), "--requests", "3000");
        var timed = await Run.SettingsAsync(new LoadCommand(), "--requests", "3000", "--duration", "500ms", "--warmup", "1m");

        Assert.Equal((3000L, (TimeSpan?)null, TimeSpan.Zero), (counted.Requests, counted.Duration, counted.Warmup));
        Assert.Equal((TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(1)), (timed.Duration, timed.Warmup));
    }

    [Fact]
    public async Task The_benchmark_scripts_and_the_smoke_tests_command_lines_run_as_they_mean()
    {
        // tests/benchmark/run.sh's E1 and L50 rungs (its loadgen() adds connections, warm-up, duration and --json).
        var e1 = await Run.SettingsAsync(new LoadCommand(), "--connections", "64", "--warmup", "5s", "--duration", "10s", "--json", "/tmp/e1.json",
            "--target", "claims", "--base-url", "http://127.0.0.1:5200", "--signing-key", Key, "--shoppers", "100000", "--db", Connection,
            "--campaigns", "1", "--stock", "10000000", "--per-user-limit", "1");
        var l50 = await Run.SettingsAsync(new LoadCommand(), "--target", "claims", "--mode", "open", "--rate", "4500", "--stock", "10000000");
        // tests/benchmark/push-latency.sh, on the campaign the dashboards watch; BENCHMARKS.md's million, with separators.
        var campaign = Guid.NewGuid();
        var pushRush = await Run.SettingsAsync(new LoadCommand(), "--target", "claims", "--base-url", "http://127.0.0.1:5300", "--signing-key", Key,
            "--shoppers", "100000", "--connections", "128", "--warmup", "5s", "--duration", "10s", "--campaign-ids", campaign.ToString());
        var million = await Run.SettingsAsync(new LoadCommand(), "--shoppers=1_000_000", "--requests", "1_000_000", "--replay-share", "0");

        Assert.Equal(new Uri("http://127.0.0.1:5200/"), e1.BaseUrl);
        Assert.Equal((64, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), "/tmp/e1.json"), (e1.Connections, e1.Warmup, e1.Duration, e1.JsonPath));
        Assert.Equal((Key, 100_000, Connection, 1, 10_000_000, 1), (e1.SigningKey, e1.Shoppers, e1.Database, e1.Campaigns, e1.Stock, e1.PerUserLimit));
        Assert.Equal((LoopMode.Open, 4500.0), (l50.Mode, l50.Rate));
        Assert.Equal([campaign], pushRush.CampaignIds);
        Assert.Equal((1_000_000, 1_000_000L, 0.0), (million.Shoppers, million.Requests, million.ReplayShare));
    }

    [Fact]
    public async Task The_opening_rung_opens_its_campaigns_at_one_instant_and_watches_the_servers_cpu()
    {
        // tests/benchmark/run.sh's O rung: first the campaigns, then the claims on them.
        var setup = await Run.SettingsAsync(new LoadCommand(), "--setup-only", "--campaigns", "1000", "--opens-at", "2026-11-11T12:00:00.000Z");
        var rush = await Run.SettingsAsync(new LoadCommand(), "--opens-at", "2026-11-11T12:00:00.000Z", "--duration", "1s",
            "--watch-cpu", "api=123", "--watch-cpu", "silo=124", "--watch-cpu", "postgres=125+");

        var opening = new DateTimeOffset(2026, 11, 11, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal((true, 1000, opening), (setup.SetupOnly, setup.Campaigns, setup.OpensAt));
        Assert.Equal((opening, TimeSpan.FromSeconds(1)), (rush.OpensAt, rush.Duration));
        Assert.Equal([new("api", 123, false), new("silo", 124, false), new LoadGen.Stats.WatchedProcess("postgres", 125, true)], rush.WatchCpu);
    }

    [Fact]
    public async Task The_rules_rung_puts_the_benchmarks_rule_file_on_its_campaign()
    {
        // tests/benchmark/run.sh's R1 rung: E1 with ten rules that match none of its claims.
        var r1 = await Run.SettingsAsync(new LoadCommand(), "--target", "claims", "--campaigns", "1", "--stock", "10000000",
            "--risk-rules", BenchmarkRules.Path("e1-unmatched.json"));

        Assert.Equal(BenchmarkRules.Path("e1-unmatched.json"), r1.RiskRules!.Path);
        Assert.Equal(10, r1.RiskRules.Rules.Count);
        Assert.Equal("rotating devices at the opening", r1.RiskRules.Rules[0]["name"]!.GetValue<string>());
        Assert.Null((await Run.SettingsAsync(new LoadCommand())).RiskRules);
    }

    [Theory]
    [InlineData("{\"name\":\"one rule, not an array\"}", "not a JSON array of rules")]
    [InlineData("[]", "not a JSON array of rules")]
    [InlineData("[{\"when\":[]}]", "rule [0] is not an object with a name")]
    [InlineData("[{\"name\":\"x\"},", "")]
    public async Task A_rule_file_that_is_not_a_list_of_named_rules_is_refused_with_exit_code_2(string content, string why)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, content);

            var errors = await Run.RefusedAsync(new LoadCommand(), "--risk-rules", file);

            Assert.StartsWith($"error: --risk-rules: cannot use '{file}': {why}", errors);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Rules_go_with_claims_that_run_and_not_with_the_redis_baseline_or_a_setup_only_run()
    {
        var rules = BenchmarkRules.Path("e1-unmatched.json");

        Assert.StartsWith("error: --risk-rules judge FlashSale's claims, so they need --target claims",
            await Run.RefusedAsync(new LoadCommand(), "--risk-rules", rules, "--target", "redis"));
        Assert.StartsWith("error: --risk-rules are removed when the claims end: they do not go with --setup-only",
            await Run.RefusedAsync(new LoadCommand(), "--risk-rules", rules, "--setup-only"));
    }

    [Theory]
    [InlineData("--connections", "many", "--connections must be a whole number (1 to 10000), not 'many'")]
    [InlineData("--connections", "0", "--connections must be a whole number (1 to 10000), not '0'")]
    [InlineData("--requests", "0", "--requests must be a whole number (at least 1), not '0'")]
    [InlineData("--replay-share", "1.5", "--replay-share must be a number (0 to 1), not '1.5'")]
    [InlineData("--target", "nginx", "--target must be one of claims, redis, bare, not 'nginx'")]
    [InlineData("--target", "1", "--target must be one of claims, redis, bare, not '1'")]
    [InlineData("--duration", "0", "--duration must be a time like 10s, 500ms, 2m or 00:01:30, above zero, not '0'")]
    [InlineData("--timeout", "2h", "--timeout must be a time like 10s, 500ms, 2m or 00:01:30, above zero, not '2h'")]
    [InlineData("--warmup", "2d", "--warmup must be a time like 10s, 500ms, 2m or 00:01:30, not '2d'")]
    [InlineData("--base-url", "http://192.168.1.10:5000", "--base-url must point at this machine (localhost, 127.0.0.0/8 or [::1]), not '192.168.1.10'")]
    [InlineData("--token-url", "ftp://localhost", "--token-url must be an http or https URL, not 'ftp://localhost'")]
    [InlineData("--campaign-ids", "42", "--campaign-ids: '42' is not a campaign id (a GUID)")]
    [InlineData("--db", "Hots=localhost", "--db is not an Npgsql connection string")]
    [InlineData("--watch-cpu", "silo", "--watch-cpu: 'silo' is not NAME=PID or NAME=PID+")]
    [InlineData("--watch-cpu", "silo=-3", "--watch-cpu: 'silo=-3' is not NAME=PID or NAME=PID+")]
    [InlineData("--opens-at", "at eight", "--opens-at: 'at eight' is not a time (ISO 8601, e.g. 2026-11-11T12:00:00Z)")]
    [InlineData("--risk-rules", "/no/such/rules.json", "--risk-rules: cannot use '/no/such/rules.json': Could not find")]
    public async Task A_bad_value_is_refused_with_exit_code_2_naming_the_option(string option, string value, string error)
    {
        var errors = await Run.RefusedAsync(new LoadCommand(), option, value);

        Assert.StartsWith("error: " + error, errors);
    }

    [Theory]
    [InlineData("--mode open needs --rate", "--mode", "open")]
    [InlineData("--rate applies to --mode open only", "--rate", "100")]
    [InlineData("give --campaigns (to create) or --campaign-ids (to reuse), not both", "--campaigns", "2", "--campaign-ids", "6f9619ff-8b86-d011-b42d-00c04fc964ff")]
    [InlineData("give --signing-key (mint here) or --token-url (mint there), not both", "--signing-key", Key, "--token-url", "http://localhost:5000")]
    [InlineData("--issuer and --audience describe locally minted tokens: give --signing-key too", "--audience", "shop")]
    [InlineData("--db checks FlashSale's ledger, so it needs --target claims", "--target", "redis", "--db", Connection)]
    [InlineData("--opens-at sets the warm-up (until the opening): give one of them", "--opens-at", "2026-11-11T12:00:00Z", "--warmup", "3s")]
    public async Task Options_that_do_not_go_together_are_refused_with_exit_code_2(string error, params string[] args)
    {
        var errors = await Run.RefusedAsync(new LoadCommand(), args);

        Assert.StartsWith("error: " + error, errors);
    }

    [Fact]
    public async Task A_bad_value_of_an_option_a_rule_reads_is_reported_by_that_option()
    {
        var errors = await Run.RefusedAsync(new LoadCommand(), "--mode", "sideways", "--rate", "100");

        Assert.StartsWith("error: --mode must be one of closed, open, not 'sideways'", errors);
    }

    [Theory]
    [InlineData("--no-such-option", "1")]
    [InlineData("stray")]
    [InlineData("--rps", "100")]
    public async Task An_unknown_option_or_argument_is_refused_with_exit_code_2_naming_it(params string[] args)
    {
        var errors = await Run.RefusedAsync(new LoadCommand(), args);

        Assert.Contains($"'{args[0]}'", errors);
    }

    [Fact]
    public async Task An_option_given_twice_is_refused()
    {
        var errors = await Run.RefusedAsync(new LoadCommand(), "--stock", "1", "--stock", "2");

        Assert.Contains("--stock", errors);
    }
}
