using System.Diagnostics;
using System.Text.Json;
using FlashSale.FaultInjection;
using FlashSale.FaultInjection.Checking;
using FlashSale.FaultInjection.Cluster;
using FlashSale.FaultInjection.Faults;
using FlashSale.FaultInjection.Load;
using FlashSale.FaultInjection.Report;
using FlashSale.LoadGen.Setup;

// Starts a local cluster, races shoppers against it while faults are injected, retries every claim
// whose outcome was unknown, and checks the history against PostgreSQL. Exit 0 only if every check held.
FaultRunOptions options;
try
{
    options = FaultRunOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(FaultRunOptions.Usage);
    return 2;
}

void Say(string line) => Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss.f} {line}");

var repoRoot = RepoRoot();
Say($"starting PostgreSQL, {options.Silos} silos, {options.Apis} API nodes");
await using var cluster = await LocalCluster.StartAsync(repoRoot, options.Silos, options.Apis, options.ProbeTimeout);
Say($"cluster up; logs in {cluster.RunFolder}");

var minter = DevelopmentMinter(repoRoot);
var run = Guid.NewGuid().ToString("N")[..6];
var sale = await SaleSetup.CreateAsync(cluster.ApiAddresses[0], await minter.MintAsync("fault-marketer", "marketing", CancellationToken.None), options.ScarceStock);
var shoppers = new Shoppers(minter, run);
var history = new ClaimHistory();
using var client = new ClaimClient(cluster.ApiAddresses, shoppers, options.RequestTimeout, options.Workers);

var faults = new FaultSchedule(cluster, history, options.DatabaseOutage, Say);
using var stopLoad = new CancellationTokenSource();
var loadClock = Stopwatch.StartNew();
var load = new ClaimLoad(client, shoppers, sale, history, run).RunAsync(options.Workers, stopLoad.Token);
try
{
    await faults.RunAsync(options.Rounds);
}
finally
{
    await stopLoad.CancelAsync();
    await load;
}

var loadSeconds = loadClock.Elapsed.TotalSeconds;
Say($"load stopped after {loadSeconds:0.0} s, {history.Attempts.Count:N0} requests; retrying the unknown ones with their keys");
var resolutions = await new UnknownResolver(client, TimeSpan.FromMinutes(2)).ResolveAsync(history.Attempts, options.Workers);
var checker = new HistoryChecker(sale, history.Attempts, resolutions);
var (checks, campaigns) = await checker.CheckAsync(new LedgerReader(cluster.Database.ConnectionString, cluster.ApiAddresses[0]), faults.ZombieSilos);
var report = FaultReport.Of(options, loadSeconds, history.Attempts, resolutions, faults.Injected, checker, checks, campaigns);
Console.WriteLine(report.ToText());
if (options.JsonPath is { } jsonPath)
{
    await File.WriteAllTextAsync(jsonPath, report.ToJson());
}

// A failed run keeps its database beside the logs, for a post-mortem.
cluster.Database.DiscardOnDispose = report.Passed;
return report.Passed ? 0 : 1;

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
