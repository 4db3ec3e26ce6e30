using System.Diagnostics;
using System.Text.Json;
using FlashSale.LoadGen.Setup;
using FlashSale.Scalpers.Crowd;
using FlashSale.Scalpers.Options;
using FlashSale.Scalpers.Report;
using FlashSale.Scalpers.Sale;

return await new ScalperCommand().InvokeAsync(args, RunAsync);

static async Task<int> RunAsync(ScalperOptions options)
{
    var started = Stopwatch.GetTimestamp();
    var startedAt = DateTimeOffset.UtcNow;
    // A short id in every account, key and the campaign's name keeps this run's data apart from every other's.
    var runId = "sc" + Guid.NewGuid().ToString("N")[..8];
    var addresses = new AddressPlan(options.Network ?? Random.Shared.Next(1, 64));
    var shoppers = OrdinaryCrowd.Draw(options.Shoppers, runId, addresses, options.OpensIn, options.Seed);
    var farm = Farm.Accounts(options.FarmAccounts, options.FarmRanges, options.FarmMimicsBrowser, runId, addresses);

    using var setupHttp = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    ITokenMinter minter = options.SigningKey is { } key
        ? new LocalTokenMinter(key, "flashsale", "flashsale-api")
        : new DevTokenEndpointMinter(setupHttp, options.BaseUrl);
    SaleTarget sale;
    string[] shopperTokens, farmTokens;
    try
    {
        shopperTokens = await SaleSetup.AuthorizationsAsync(minter, [.. shoppers.Select(s => s.Id)]);
        farmTokens = await SaleSetup.AuthorizationsAsync(minter, [.. farm.Select(a => a.Id)]);
        var marketer = await minter.MintAsync($"{runId}-marketer", "marketing", CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        var opensAt = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero) + options.OpensIn;
        sale = new SaleTarget(await SaleSetup.CreateCampaignAsync(setupHttp, options.BaseUrl, marketer, runId, options.Stock, opensAt), opensAt);
        if (options.Rules is { } rules)
        {
            var admin = await minter.MintAsync($"{runId}-admin", "admin", CancellationToken.None);
            await new RiskRuleSetup(setupHttp, options.BaseUrl, admin).SaveAsync(rules, [sale.CampaignId]);
        }
    }
    catch (Exception e) when (e is SetupException or HttpRequestException or TaskCanceledException or JsonException)
    {
        Console.Error.WriteLine($"setup failed: {e.Message}");
        return ScalperCommand.SetupFailed;
    }

    Console.Error.WriteLine($"run {runId}: campaign {sale.CampaignId} opens at {sale.OpensAt:HH:mm:ss.fff}; {shoppers.Count:N0} shoppers, " +
                            $"a farm of {farm.Count:N0} accounts; addresses 127.{4 * addresses.Network}.0.0/14; " +
                            (options.Rules is { } r ? $"{r.Rules.Count} rule(s) from {r.Path}" : "no rules"));

    using var stop = new CancellationTokenSource(options.TimeLimit);
    var (ordinaryAnswers, farmAnswers) = (new Answers(), new Answers());
    var (phones, farmSolver) = (new ProofOfWorkSolver(1), new ProofOfWorkSolver(options.FarmSolvers));
    var shopperClients = shoppers.Select(s => SourceBoundClient.Create(s.Address, options.BaseUrl)).ToList();
    var farmClients = farm.Select(a => SourceBoundClient.Create(a.Address, options.BaseUrl)).ToList();
    var journeys = shoppers.Select(s => new ShopperJourney(s, shopperTokens[s.Number], sale, !options.ShoppersSkipRead, phones, ordinaryAnswers)).ToList();
    var script = new FarmScript(farm, farmTokens, sale, options.FarmMimicsBrowser, farmSolver, farmAnswers);
    try
    {
        using var farmStop = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
        using var progressStop = new CancellationTokenSource();
        var progress = ProgressAsync(sale, ordinaryAnswers, farmAnswers, progressStop.Token);
        var farmRun = script.RunAsync(farmClients, farmStop.Token);
        await Task.WhenAll(journeys.Select((journey, i) => journey.RunAsync(shopperClients[i], stop.Token)));
        // Decided: every ordinary shopper is done and nothing is left to take. A farm account still solving a
        // challenge would only be told sold_out at the end of it.
        if (ordinaryAnswers.FirstSoldOut is not null || farmAnswers.FirstSoldOut is not null)
        {
            await farmStop.CancelAsync();
        }

        await farmRun;
        await progressStop.CancelAsync();
        await progress;
    }
    finally
    {
        shopperClients.Concat(farmClients).ToList().ForEach(client => client.Dispose());
    }

    var results = journeys.Select(j => j.Result).ToList();
    var (farmCoupons, ordinaryCoupons, source) = ((long)script.Coupons, (long)results.Count(r => r.Coupon), "answers");
    IReadOnlyList<DecisionCount>? decisions = null;
    IReadOnlyList<BlockCount>? blocks = null;
    if (options.Database is { } database)
    {
        // Flags are recorded on the way, within a second or so; refusals and challenges were on record before their answers.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        (farmCoupons, ordinaryCoupons, decisions, blocks) = await SaleLedger.ReadAsync(database, sale.CampaignId, runId, startedAt);
        source = "ledger";
    }

    var report = new ScenarioReport(
        runId,
        sale.CampaignId,
        addresses.Network,
        options.Rules?.Path,
        options.Rules?.Rules.Select(rule => rule["name"]!.GetValue<string>()).ToList() ?? [],
        options.Stock,
        sale.OpensAt,
        new[] { ordinaryAnswers.FirstSoldOut, farmAnswers.FirstSoldOut }.Min() is { } soldOut ? Math.Round((soldOut - sale.OpensAt).TotalSeconds, 3) : null,
        new CouponCount(farmCoupons, ordinaryCoupons, Math.Round((double)farmCoupons / options.Stock, 4), source, script.Coupons, results.Count(r => r.Coupon)),
        Ordinary(shoppers, results, ordinaryAnswers, phones.Usage),
        new FarmReport(
            farm.Count,
            options.FarmRanges,
            [.. Farm.HeaderSets(options.FarmMimicsBrowser).Select(h => h.Name)],
            options.FarmMimicsBrowser,
            farmAnswers.Total,
            script.Reads,
            script.Coupons,
            farmAnswers.Count("428 challenge_required"),
            farmAnswers.Count("403 risk_denied"),
            farmAnswers.Count("403 risk_blocked"),
            script.RefusedAccounts,
            farmAnswers.Count("429 rate_limited"),
            farmAnswers.Count("409 not_started"),
            farmAnswers.Latency.Summarize(),
            farmAnswers.Outcomes,
            farmSolver.Usage),
        decisions,
        blocks,
        Math.Round(Stopwatch.GetElapsedTime(started).TotalSeconds, 1));

    ScenarioText.Write(Console.Out, report);
    if (options.JsonPath is { } jsonPath)
    {
        await using var file = File.Create(jsonPath);
        await JsonSerializer.SerializeAsync(file, report, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true });
    }

    return ScalperCommand.Done;
}

static OrdinaryReport Ordinary(IReadOnlyList<OrdinaryShopper> shoppers, List<ShopperResult> results, Answers answers, SolverUsage solving)
{
    double Percent(int count) => Math.Round(100.0 * count / shoppers.Count, 2);
    var (challenged, denied, blocked) = (results.Count(r => r.Challenged), results.Count(r => r.Denied), results.Count(r => r.Blocked));
    return new OrdinaryReport(
        shoppers.Count,
        results.Count(r => r.Read),
        results.Count(r => r.Coupon),
        challenged,
        Percent(challenged),
        denied,
        Percent(denied),
        blocked,
        Percent(blocked),
        results.Count(r => r.RateLimited),
        shoppers.CountBy(s => s.Where, StringComparer.Ordinal).OrderBy(w => w.Key, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal),
        // One fingerprint to the server: the same header set from the same /24.
        shoppers.CountBy(s => (s.Headers.Name, s.Address[..s.Address.LastIndexOf('.')])).Max(g => g.Value),
        answers.Total,
        answers.Latency.Summarize(),
        answers.Outcomes,
        results.CountBy(r => r.Last, StringComparer.Ordinal).OrderBy(w => w.Key, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal),
        solving);
}

// A line a second on stderr while the sale runs.
static async Task ProgressAsync(SaleTarget sale, Answers ordinary, Answers farm, CancellationToken stop)
{
    using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
    try
    {
        while (await timer.WaitForNextTickAsync(stop))
        {
            var since = (DateTimeOffset.UtcNow - sale.OpensAt).TotalSeconds;
            Console.Error.WriteLine($"{since,6:F1} s  ordinary: {ordinary.Total,6:N0} claims, {ordinary.Count("201"),5:N0} coupons   " +
                                    $"farm: {farm.Total,6:N0} claims, {farm.Count("201"),5:N0} coupons, {farm.Count("428 challenge_required"),5:N0} challenges");
        }
    }
    catch (OperationCanceledException)
    {
        // The sale is over.
    }
}
