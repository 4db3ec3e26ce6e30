using System.CommandLine;
using FlashSale.LoadGen.Options;

namespace FlashSale.FaultInjection;

/// <summary>The fault harness's command line: every option with its unit, default and bounds.</summary>
public sealed class FaultRunCommand : ToolCommand<FaultRunOptions>
{
    public const int Passed = 0, CheckFailed = 1;

    private readonly Option<int> _rounds = Bounded.WholeNumber("--rounds", "N",
        "Times the three faults are injected (kill -9 a silo, crash PostgreSQL, SIGSTOP a silo); with 2 or more (a long run) a check "
        + "that judged nothing fails the run", 1, 1, 100);

    private readonly Option<int> _silos = Bounded.WholeNumber("--silos", "N",
        "Silos in the cluster: one is killed while another is frozen", defaultValue: 3, min: 3, max: 16);

    private readonly Option<int> _apis = Bounded.WholeNumber("--apis", "N",
        "API nodes in the cluster; some requests go to two at once", defaultValue: 2, min: 1, max: 16);

    private readonly Option<int> _workers = Bounded.WholeNumber("--workers", "N", "Closed-loop claimers", defaultValue: 48, min: 1, max: 10_000);

    private readonly Option<int> _moneyWorkers = Bounded.WholeNumber("--money-workers", "N",
        "Shoppers' money flows run at once (redeem, checkout, refund, transfer, points), beside marketing's controls; 0 for none",
        defaultValue: 8, min: 0, max: 1_000);

    private readonly Option<TimeSpan> _outage = Bounded.Time("--outage", "How long PostgreSQL stays down", defaultValue: TimeSpan.FromSeconds(3));

    private readonly Option<TimeSpan> _timeout = Bounded.Time("--timeout",
        "How long before a request counts as unknown; it is then sent again with its key after the run", TimeSpan.FromSeconds(5));

    private readonly Option<TimeSpan> _probeTimeout = Bounded.Time("--probe-timeout",
        "Orleans membership probe timeout; a frozen silo is declared dead after about two", TimeSpan.FromSeconds(2));

    private readonly Option<int> _scarceStock = Bounded.WholeNumber("--scarce-stock", "S",
        "Coupons in the campaign that sells out during the run", defaultValue: 1_500, min: 1, max: 10_000_000);

    private readonly Option<bool> _partitions = new("--partitions")
    {
        Description = "Run every node in a network namespace of its own and add the network partitions to each round (needs root)",
    };

    private readonly Option<string?> _json = new("--json")
    {
        HelpName = "PATH",
        Description = "Also write the report as JSON to PATH",
    };

    public FaultRunCommand()
        : base($"""
            FlashSale.FaultInjection: races shoppers against a local cluster of its own while it kills a silo, crashes
            PostgreSQL and freezes a silo, then checks every outcome against the ledger and the money rules.
            Logs go to .data/fault-injection/<time>/; a failed run keeps its database and history there.
            Exit codes: {Passed} every check held, {CheckFailed} a check failed, {UsageError} bad command line.
            """)
    {
        Options.Add(_rounds);
        Options.Add(_silos);
        Options.Add(_apis);
        Options.Add(_workers);
        Options.Add(_moneyWorkers);
        Options.Add(_outage);
        Options.Add(_timeout);
        Options.Add(_probeTimeout);
        Options.Add(_scarceStock);
        Options.Add(_json);
        Options.Add(_partitions);
    }

    public override FaultRunOptions Read(ParseResult parsed) => new(
        parsed.GetValue(_silos), parsed.GetValue(_apis), parsed.GetValue(_workers), parsed.GetValue(_moneyWorkers), parsed.GetValue(_rounds),
        parsed.GetValue(_outage), parsed.GetValue(_timeout), parsed.GetValue(_probeTimeout), parsed.GetValue(_scarceStock), parsed.GetValue(_json),
        parsed.GetValue(_partitions));
}
