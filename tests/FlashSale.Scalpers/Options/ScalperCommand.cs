using System.CommandLine;
using System.CommandLine.Parsing;
using FlashSale.LoadGen.Options;
using FlashSale.LoadGen.Setup;

namespace FlashSale.Scalpers.Options;

/// <summary>The scalper scenario's command line: every option with its unit, default and bounds, and the rules across them.</summary>
public sealed class ScalperCommand : ToolCommand<ScalperOptions>
{
    public const int Done = 0, SetupFailed = 1;

    private static readonly ScalperOptions Defaults = new();

    private readonly Option<Uri> _baseUrl = new("--base-url")
    {
        HelpName = "URL",
        Description = "FlashSale's API; must be on this machine (localhost, 127.0.0.0/8 or [::1]), which it reaches from many 127.x.y.z source addresses",
        DefaultValueFactory = _ => Defaults.BaseUrl,
        CustomParser = OptionValues.LoopbackUrl,
    };

    private readonly Option<string?> _signingKey = new("--signing-key")
    {
        HelpName = "K",
        Description = "Mint the shoppers', marketer's and admin's HS256 tokens here with key K (needed outside Development); "
            + "without it the server's POST /api/dev/tokens mints them",
    };

    private readonly Option<int> _stock = Bounded.WholeNumber("--stock", "S", "Coupons in the sale, one per shopper", defaultValue: Defaults.Stock, min: 1, max: 100_000);

    private readonly Option<int> _shoppers = Bounded.WholeNumber("--shoppers", "N",
        "Ordinary shoppers: an account and a device each, a browser's headers, many address ranges (some behind a carrier's NAT), "
        + "reading the campaign before claiming at human speed", defaultValue: Defaults.Shoppers, min: 1, max: 20_000);

    private readonly Option<int> _farmAccounts = Bounded.WholeNumber("--farm-accounts", "N",
        "The farm's accounts, all claiming at the opening from a script", defaultValue: Defaults.FarmAccounts, min: 1, max: 10_000);

    private readonly Option<int> _farmRanges = Bounded.WholeNumber("--farm-ranges", "R",
        "The /24 address ranges the farm calls from", defaultValue: Defaults.FarmRanges, min: 1, max: 3);

    private readonly Option<int> _farmSolvers = Bounded.WholeNumber("--farm-solvers", "T",
        "Threads the farm solves proofs of work on (the cores it pays for); on this machine they share its cores with the servers",
        defaultValue: Defaults.FarmSolvers, min: 1, max: 16);

    private readonly Option<bool> _farmMimicsBrowser = new("--farm-mimics-browser")
    {
        Description = "The farm sends a full browser header set and reads the campaign with each rotated device id before its claim",
    };

    private readonly Option<bool> _shoppersSkipRead = new("--shoppers-skip-read")
    {
        Description = "Ordinary shoppers claim without reading the campaign with their device id first, as the shop page does",
    };

    private readonly Option<TimeSpan> _opensIn = new("--opens-in")
    {
        HelpName = "T",
        Description = $"The sale opens this long after setup, while ordinary shoppers open its page ({OptionValues.TimeHelp}; 2s to 10m)",
        DefaultValueFactory = _ => Defaults.OpensIn,
        CustomParser = result => OptionValues.Time(result, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(10), "2s to 10m"),
    };

    private readonly Option<TimeSpan> _timeLimit = new("--time-limit")
    {
        HelpName = "T",
        Description = $"Stop the scenario this long after setup, whoever is still at it ({OptionValues.TimeHelp}; 5s to 30m)",
        DefaultValueFactory = _ => Defaults.TimeLimit,
        CustomParser = result => OptionValues.Time(result, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(30), "5s to 30m"),
    };

    private readonly Option<RiskRuleFile?> _rules = new("--rules")
    {
        HelpName = "FILE",
        Description = "Put these risk rules in force on the sale before it opens (the \"after\" run; without it, \"before\"): a JSON array of "
            + "POST /api/admin/risk/rules bodies, each saved for this sale's campaign with an admin token",
        CustomParser = OptionValues.RuleFile,
    };

    private readonly Option<int?> _network = new("--network")
    {
        HelpName = "N",
        Description = "Call from 127.4N.0.0/14 (1 to 63; default: one at random): each run against one system takes its own, "
            + "since the engine counts ranges and fingerprints over a day and escalation blocks them",
        CustomParser = result => OptionValues.WholeNumber(result, 1, 63),
    };

    private readonly Option<int> _seed = Bounded.WholeNumber("--seed", "N",
        "Seed of the crowd's draws (browsers, addresses, reaction times): the same seed, the same crowd", defaultValue: Defaults.Seed, min: 0, max: int.MaxValue);

    private readonly Option<string?> _database = new("--db")
    {
        HelpName = "CONNSTRING",
        Description = "After the sale, count the coupons of each population and the risk decisions in FlashSale's PostgreSQL (an Npgsql connection string); "
            + "without it, coupons are counted from the answers",
        CustomParser = OptionValues.ConnectionString,
    };

    private readonly Option<string?> _json = new("--json")
    {
        HelpName = "FILE",
        Description = "Also write the report as JSON to FILE",
    };

    public ScalperCommand()
        : base($"""
            FlashSale.Scalpers: a scalper farm and ordinary shoppers race for one sale's coupons (issue 21's evaluation).
            Targets this machine only; the scenario ends when the sale is decided, or at --time-limit.
            Progress goes to stderr; the report to stdout.
            Exit codes: {Done} done, {SetupFailed} setup failed (no server, a campaign or rule refused), {UsageError} bad command line.
            """)
    {
        Options.Add(_baseUrl);
        Options.Add(_signingKey);
        Options.Add(_stock);
        Options.Add(_shoppers);
        Options.Add(_farmAccounts);
        Options.Add(_farmRanges);
        Options.Add(_farmSolvers);
        Options.Add(_farmMimicsBrowser);
        Options.Add(_shoppersSkipRead);
        Options.Add(_opensIn);
        Options.Add(_timeLimit);
        Options.Add(_rules);
        Options.Add(_network);
        Options.Add(_seed);
        Options.Add(_database);
        Options.Add(_json);
        AddRule(OpeningWithinTheLimit);
    }

    public override ScalperOptions Read(ParseResult parsed) => new()
    {
        BaseUrl = parsed.GetRequiredValue(_baseUrl),
        SigningKey = parsed.GetValue(_signingKey),
        Stock = parsed.GetValue(_stock),
        Shoppers = parsed.GetValue(_shoppers),
        FarmAccounts = parsed.GetValue(_farmAccounts),
        FarmRanges = parsed.GetValue(_farmRanges),
        FarmSolvers = parsed.GetValue(_farmSolvers),
        FarmMimicsBrowser = parsed.GetValue(_farmMimicsBrowser),
        ShoppersSkipRead = parsed.GetValue(_shoppersSkipRead),
        OpensIn = parsed.GetValue(_opensIn),
        TimeLimit = parsed.GetValue(_timeLimit),
        Rules = parsed.GetValue(_rules),
        Network = parsed.GetValue(_network),
        Seed = parsed.GetValue(_seed),
        Database = parsed.GetValue(_database),
        JsonPath = parsed.GetValue(_json),
    };

    private void OpeningWithinTheLimit(CommandResult result)
    {
        // Read in a rule, an option left to its default reads as zero: its default is taken here.
        var timeLimit = Given(result, _timeLimit) ? result.GetValue(_timeLimit) : Defaults.TimeLimit;
        var opensIn = Given(result, _opensIn) ? result.GetValue(_opensIn) : Defaults.OpensIn;
        // The sale needs a few seconds after its opening to be decided.
        if (timeLimit < opensIn + TimeSpan.FromSeconds(3))
        {
            result.AddError("--time-limit must be at least 3s longer than --opens-in: the sale is decided after its opening");
        }
    }
}
