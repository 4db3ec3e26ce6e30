using System.CommandLine;
using FlashSale.GrainCeiling;
using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.Grains.Ledger;
using FlashSale.LoadGen.Stats;
using FlashSale.Silo;
using FlashSale.Silo.Database;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

var database = new Option<string>("--db") { Description = "Npgsql connection string of an empty or FlashSale PostgreSQL", Required = true };
var duration = new Option<TimeSpan>("--duration") { Description = "Time each part is measured", DefaultValueFactory = _ => TimeSpan.FromSeconds(10) };
var callers = new Option<int>("--callers") { Description = "Concurrent callers of the grain, one claim in flight each", DefaultValueFactory = _ => 512 };
var postgresPid = new Option<int?>("--postgres-pid") { Description = "PostgreSQL's postmaster: its CPU and its backends' go into the report" };
var command = new RootCommand("One campaign grain's own ceiling, in-process: admission alone, the grain with its ledger (no HTTP), the ledger alone.")
{
    database, duration, callers, postgresPid,
};
command.SetAction(async parsed =>
{
    var connectionString = parsed.GetRequiredValue(database);
    var measured = parsed.GetValue(duration);
    var postgres = parsed.GetValue(postgresPid) is { } pid ? new WatchedProcess("postgres", pid, WithChildren: true) : null;
    await SchemaMigrations.ApplyAsync(connectionString);

    var now = DateTimeOffset.UtcNow;
    CampaignDefinition Campaign(string name) => new(Guid.NewGuid(), name, new CouponTerms(CouponKind.Fixed, "CNY", 5m, null, null, null),
        CampaignDefinition.MaxStock, PerUserLimit: 1, now.AddMinutes(-1), now.AddDays(1), new CouponValidity(null, 7), now, "grain-ceiling");

    var admission = AdmissionCeiling.Measure(Campaign("admission"), TimeSpan.FromSeconds(3));
    Console.WriteLine($"admission alone      {admission.PerSecond,12:N0} claims/s on one thread, {admission.NanosecondsEach:N0} ns each");

    var builder = Host.CreateApplicationBuilder();
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.UseOrleans(silo => silo.UseLocalhostClustering().AddFlashSale(connectionString));
    using var host = builder.Build();
    await host.StartAsync();
    var grains = host.Services.GetRequiredService<IGrainFactory>();
    var definition = Campaign("grain");
    var campaign = grains.GetGrain<ICampaignGrain>(definition.Id);
    await campaign.Create(definition, draft: false);
    var grain = await GrainThroughput.MeasureAsync(campaign, parsed.GetValue(callers), TimeSpan.FromSeconds(3), measured, postgres);
    var perTransaction = await ClaimsPerTransactionAsync(connectionString, definition.Id);
    Console.WriteLine($"grain with ledger    {grain.ClaimsPerSecond,12:N0} claims/s, {perTransaction:N0} claims per transaction; CPU per claim: " +
                      $"this process {grain.ProcessMicrosecondsPerClaim:N1} µs, PostgreSQL {grain.PostgresMicrosecondsPerClaim?.ToString("N1", System.Globalization.CultureInfo.InvariantCulture) ?? "?"} µs");

    var ledgerCampaign = Campaign("ledger");
    await grains.GetGrain<ICampaignGrain>(ledgerCampaign.Id).Create(ledgerCampaign, draft: false);
    var ledger = await LedgerCeiling.MeasureAsync(host.Services.GetRequiredService<CouponLedger>(), ledgerCampaign.Id, measured / 2);
    Console.WriteLine($"ledger alone         {ledger.RowsPerSecond,12:N0} rows/s in transactions of 4,096; {ledger.CommitsPerSecond:N0} commits/s of one row each");
    await host.StopAsync();
});
return await command.Parse(args).InvokeAsync();

static async Task<double> ClaimsPerTransactionAsync(string connectionString, Guid campaignId)
{
    await using var source = NpgsqlDataSource.Create(connectionString);
    await using var query = source.CreateCommand("SELECT count(*)::float8 / greatest(count(DISTINCT xmin::text), 1) FROM coupons WHERE campaign_id = @campaignId");
    query.Parameters.AddWithValue("campaignId", campaignId);
    return (double)(await query.ExecuteScalarAsync())!;
}
