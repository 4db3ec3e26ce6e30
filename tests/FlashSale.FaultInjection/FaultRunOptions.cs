namespace FlashSale.FaultInjection;

/// <summary>The run's settings, from --name value pairs; every one has a default that fits CI.</summary>
public sealed record FaultRunOptions(
    int Silos, int Apis, int Workers, int MoneyWorkers, int Rounds, TimeSpan DatabaseOutage, TimeSpan RequestTimeout, TimeSpan ProbeTimeout,
    int ScarceStock, string? JsonPath)
{
    /// <summary>
    /// A run of several rounds is a long run: a check that judged nothing fails it. The one-round
    /// run (CI's) reports such a check as "not exercised".
    /// </summary>
    public bool NothingJudgedFails => Rounds > 1;

    public const string Usage =
        """
        usage: FlashSale.FaultInjection [--rounds 1] [--silos 3] [--apis 2] [--workers 48] [--money-workers 8] [--outage 3]
                                        [--timeout 5] [--probe-timeout 2] [--scarce-stock 1500] [--json PATH]
          --rounds         times the three faults are injected (kill -9 a silo, crash PostgreSQL, SIGSTOP a silo);
                           with 2 or more (a long run) a check that judged nothing fails the run
          --workers        closed-loop claimers
          --money-workers  shoppers' money flows run at once (redeem, checkout, refund, transfer, points), beside marketing's controls
          --outage         seconds PostgreSQL stays down
          --timeout        seconds before a claim counts as unknown (then retried with its key after the run)
          --probe-timeout  Orleans membership probe timeout in seconds; a frozen silo is declared dead after about two
        """;

    public static FaultRunOptions Parse(string[] args)
    {
        var given = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"expected --name value, got '{args[i]}'");
            }

            given[args[i][2..]] = args[i + 1];
        }

        int Number(string name, int fallback) => given.Remove(name, out var v) ? int.Parse(v) : fallback;
        TimeSpan Seconds(string name, double fallback) => TimeSpan.FromSeconds(given.Remove(name, out var v) ? double.Parse(v) : fallback);

        var options = new FaultRunOptions(Number("silos", 3), Number("apis", 2), Number("workers", 48), Number("money-workers", 8), Number("rounds", 1),
            Seconds("outage", 3), Seconds("timeout", 5), Seconds("probe-timeout", 2), Number("scarce-stock", 1500),
            given.Remove("json", out var json) ? json : null);
        if (given.Count > 0)
        {
            throw new ArgumentException($"unknown option(s): {string.Join(", ", given.Keys)}");
        }

        return options.Silos < 3 ? throw new ArgumentException("--silos: at least 3 (one is killed while another is frozen)") : options;
    }
}
