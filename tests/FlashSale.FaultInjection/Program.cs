using System.Text.Json;
using FlashSale.FaultInjection;
using FlashSale.FaultInjection.Checking;
using FlashSale.FaultInjection.Checking.Money;
using FlashSale.FaultInjection.Cluster;
using FlashSale.FaultInjection.Faults;
using FlashSale.FaultInjection.Load;
using FlashSale.FaultInjection.Money;
using FlashSale.FaultInjection.Network;
using FlashSale.FaultInjection.Report;
using FlashSale.LoadGen.Setup;

// Starts a local cluster, races shoppers against it (claims, and money: redemptions, checkouts, refunds,
// transfers, points; marketing's pauses, ends and top-ups) while faults are injected, retries every
// request whose outcome was unknown, and checks the history against PostgreSQL. Exit 0 only if every check held.
return await new FaultRunCommand().InvokeAsync(args, RunAsync);

static async Task<int> RunAsync(FaultRunOptions options)
{
    void Say(string line) => Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss.f} {line}");

    var repoRoot = RepoRoot();
    Say($"starting PostgreSQL, {options.Silos} silos, {options.Apis} API nodes{(options.Partitions ? ", each in a network namespace" : "")}");
    // Declared first, so disposed last: the nodes stop before their network goes.
    await using var network = options.Partitions ? await NetworkLab.CreateAsync() : null;
    await using var cluster = await LocalCluster.StartAsync(repoRoot, options.Silos, options.Apis, options.ProbeTimeout, network);
    Say($"cluster up; logs in {cluster.RunFolder}");

    var run = Guid.NewGuid().ToString("N")[..6];
    // How long a request left unknown is retried before it counts as never answered.
    var answerWithin = TimeSpan.FromMinutes(2);
    var clock = new RunClock();
    var tokens = new Tokens(DevelopmentMinter(repoRoot));
    var sale = await SaleSetup.CreateAsync(cluster.ApiAddresses[0], tokens, options.ScarceStock);
    var history = new ClaimHistory();
    // Each claimer has one request in flight, each money flow up to twelve (its claims, some to both nodes at once), marketing two.
    using var nodes = new ApiNodes(cluster.ApiAddresses, clock, options.RequestTimeout, options.Workers + 12 * options.MoneyWorkers + 2);
    var client = new ClaimClient(nodes, tokens);
    var money = new MoneyHistory(new MoneyClient(nodes, tokens), answerWithin);
    var moneyLoad = new MoneyLoad(money, new ClaimsUntilAnswered(client, history, answerWithin), sale, run);

    var faults = new FaultSchedule(cluster, history, clock, options.DatabaseOutage, Say);
    using var stopLoad = new CancellationTokenSource();
    var loadStarted = clock.Seconds;
    var load = Task.WhenAll(
        new ClaimLoad(client, new Shoppers(run), sale, history, run).RunAsync(options.Workers, stopLoad.Token),
        moneyLoad.RunAsync(options.MoneyWorkers, stopLoad.Token),
        new CampaignControls(money, history, sale.Controlled, run, () => faults.Frozen).RunAsync(stopLoad.Token));
    try
    {
        using var quiet = new QuietPhase(history, cluster.ApiAddresses[0], sale.Money.Expiring);
        await faults.RunAsync(options.Rounds, quiet.DoneAsync);
    }
    finally
    {
        await stopLoad.CancelAsync();
        await load;
    }

    var loadSeconds = clock.Seconds - loadStarted;
    if (faults.CollateralRestarts.Count > 0)
    {
        Say("silos restarted though no fault was aimed at them: "
            + string.Join(", ", faults.CollateralRestarts.Select(f => $"{f.Target} ({f.InjectedAtSeconds:0.0}-{f.InjectedAtSeconds + f.LastedSeconds:0.0} s)")));
    }

    Say($"load stopped after {loadSeconds:0.0} s, {history.Attempts.Count:N0} claims and {money.Ops.Count:N0} money requests; retrying the unknown claims with their keys");
    var resolutions = await new UnknownResolver(client, answerWithin).ResolveAsync(history.Attempts, options.Workers);
    var checks = new CheckList(options.NothingJudgedFails);
    var checker = new HistoryChecker(sale, history.Attempts, resolutions);
    var campaigns = await checker.CheckAsync(checks, new LedgerReader(cluster.Database.ConnectionString, cluster.ApiAddresses[0]));
    var ops = money.Ops.ToList();
    SoldOutChecks.Add(checks, sale, checker.Answers, ops, campaigns);
    var faultWindows = new FaultWindows([.. faults.Injected, .. faults.CollateralRestarts]);
    TwinChecks.Add(checks, checker.Answers, ops, faultWindows);
    KeyReuseChecks.Add(checks, checker.Answers, faultWindows);
    MoneyChecker.Add(checks, new MoneyEvidence(sale, ops, checker.Answers,
        await MoneyLedgerReader.ReadAsync(cluster.Database.ConnectionString, sale.Money.PointsPriced.Id)));
    await AuditorChecks.AddAsync(checks, cluster.ApiAddresses[0], tokens, cluster.Silos.Select(silo => silo.Process));
    // A silo declared dead ends itself, as it should; one that ends on an unhandled exception crashed (a start task that
    // met PostgreSQL's crash did, until it learned to wait), whatever the checks of the claims then say.
    var crashed = cluster.Nodes.Where(node => node.Crashes > 0).ToList();
    checks.Add("no silo or API node ended on an unhandled exception", cluster.Nodes.Count(), crashed.Count,
        $"{crashed.Count} crashed{string.Concat(crashed.Select(node => $"; {node.Name} {node.Crashes} time(s)"))}; "
        + $"{faults.CollateralRestarts.Count} silos restarted though no fault was aimed at them");
    checks.Add("a silo declared dead ends itself when it wakes or its partition heals",
        faults.Injected.Count(f => f.Kind is "sigstop" or "partition_silo_from_silos" or "partition_silo_from_all" or "partition_split"), faults.ZombieSilos,
        $"{faults.ZombieSilos} zombie silos");
    var report = FaultReport.Of(options, loadSeconds, history.Attempts, resolutions, faults.Injected, checker, moneyLoad.Flows, ops, checks.All, campaigns);
    Console.WriteLine(report.ToText());
    if (options.JsonPath is { } jsonPath)
    {
        await File.WriteAllTextAsync(jsonPath, report.ToJson());
    }

    // A failed run keeps its database and its history beside the logs, for a post-mortem.
    cluster.Database.DiscardOnDispose = report.Passed;
    if (!report.Passed)
    {
        await HistoryDump.WriteAsync(cluster.RunFolder, checker.Answers, ops);
        Say($"history kept in {cluster.RunFolder} (claims.csv, money.csv)");
    }
    return report.Passed ? FaultRunCommand.Passed : FaultRunCommand.CheckFailed;
}


static string RepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "FlashSale.slnx")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("run from a build inside the FlashSale checkout");
}

// The API nodes run in Development, whose signing key is in the API's settings files.
static LocalTokenMinter DevelopmentMinter(string repoRoot)
{
    JsonElement Jwt(string file) => JsonDocument.Parse(File.ReadAllText(Path.Combine(repoRoot, "api", file))).RootElement.GetProperty("Jwt");
    var shared = Jwt("appsettings.json");
    return new LocalTokenMinter(Jwt("appsettings.Development.json").GetProperty("SigningKey").GetString()!,
        shared.GetProperty("Issuer").GetString()!, shared.GetProperty("Audience").GetString()!);
}
