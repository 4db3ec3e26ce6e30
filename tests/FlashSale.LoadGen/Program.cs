using FlashSale.LoadGen.Invariants;
using FlashSale.LoadGen.Load;
using FlashSale.LoadGen.Options;
using FlashSale.LoadGen.Report;
using FlashSale.LoadGen.Setup;
using Npgsql;

return await new LoadCommand().InvokeAsync(args, RunAsync);

static async Task<int> RunAsync(LoadOptions options)
{
    // A short id in every shopper id, key and campaign name keeps this run's data apart from every other's.
    var runId = "lg" + Guid.NewGuid().ToString("N")[..8];
    IReadOnlyList<Guid> campaigns;
    ShopperPool shoppers;
    using var setupHttp = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    RiskRuleSetup? rules = null;
    IReadOnlyList<Guid> ruleIds = [];
    try
    {
        ITokenMinter minter = options.SigningKey is { } key
            ? new LocalTokenMinter(key, options.Issuer, options.Audience)
            : new DevTokenEndpointMinter(setupHttp, options.TokenUrl ?? options.BaseUrl);
        campaigns = await CampaignSetup.PrepareAsync(options, setupHttp, minter, runId);
        if (options.SetupOnly)
        {
            await WriteCampaignIdsAsync(options, campaigns);
            return LoadCommand.Done;
        }

        shoppers = await ShopperPool.CreateAsync(runId, options.Shoppers, minter);
        if (options.RiskRules is { } ruleFile)
        {
            rules = new RiskRuleSetup(setupHttp, options.BaseUrl, await minter.MintAsync($"{runId}-admin", "admin", CancellationToken.None));
            ruleIds = await rules.SaveAsync(ruleFile, campaigns);
            Console.Error.WriteLine($"{ruleFile.Rules.Count} risk rule(s) from {ruleFile.Path} in force on each campaign");
        }
    }
    catch (Exception e) when (e is SetupException or HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
    {
        Console.Error.WriteLine($"setup failed: {e.Message}");
        return LoadCommand.SetupFailed;
    }

    var load = await LoadRun.RunAsync(options, campaigns, shoppers, runId);
    if (rules is not null)
    {
        // Gone before the next run on this system, which would otherwise walk past them on every claim.
        await rules.RemoveAsync(ruleIds);
    }

    var checks = new List<InvariantCheck>();
    IReadOnlyList<CampaignLedger> ledger = [];
    if (options.Database is { } connectionString)
    {
        try
        {
            (var ledgerChecks, ledger) = await LedgerInvariants.CheckAsync(connectionString, campaigns, load.Acknowledged, shoppers, load.Keys);
            checks.AddRange(ledgerChecks);
        }
        catch (NpgsqlException e)
        {
            checks.Add(new InvariantCheck("the ledger could be read", false, e.Message));
        }
    }

    if (options.Target != Target.Bare && options.ReplayShare > 0)
    {
        checks.Add(ReplayInvariant.Check(load.Acknowledged));
    }

    var stats = load.Stats;
    var report = new RunReport(
        runId,
        options.Target.ToString().ToLowerInvariant(),
        options.Mode.ToString().ToLowerInvariant(),
        options.BaseUrl.ToString(),
        options.Connections,
        options.Rate,
        load.WarmupSeconds,
        load.MeasuredSeconds,
        stats.Measured,
        stats.Measured / load.MeasuredSeconds,
        stats.Issued,
        stats.Issued / load.MeasuredSeconds,
        stats.Latency.Summarize(),
        options.Mode == LoopMode.Open ? stats.ServiceTime.Summarize() : null,
        stats.Outcomes(),
        new ErrorCounts(stats.TransportErrors + stats.Timeouts + stats.Unsent, stats.TransportErrors, stats.Timeouts, stats.Unsent),
        load.Client,
        shoppers.Count,
        campaigns,
        checks.Count > 0 ? InvariantReport.Of(checks, ledger) : null,
        load.ServerCpuSeconds.Count == 0 ? null : load.ServerCpuSeconds.ToDictionary(p => p.Key, p => new ServerCpu(p.Value, p.Value / load.MeasuredSeconds,
            stats.Measured == 0 ? 0 : p.Value * 1e6 / stats.Measured, stats.Issued == 0 ? null : p.Value * 1e6 / stats.Issued), StringComparer.Ordinal),
        options.RiskRules?.Rules.Count ?? 0);

    TextSummary.Write(Console.Out, report);
    if (options.JsonPath is { } jsonPath)
    {
        await JsonReport.WriteAsync(jsonPath, report);
    }

    return report.Invariants?.Passed == false ? LoadCommand.InvariantBroken : LoadCommand.Done;
}

// What --setup-only leaves for the run that follows: the ids, comma-separated on stdout (for --campaign-ids) and in --json.
static async Task WriteCampaignIdsAsync(LoadOptions options, IReadOnlyList<Guid> campaigns)
{
    Console.Out.WriteLine(string.Join(',', campaigns));
    if (options.JsonPath is { } jsonPath)
    {
        await using var file = File.Create(jsonPath);
        await System.Text.Json.JsonSerializer.SerializeAsync(file, new { campaignIds = campaigns });
    }
}
