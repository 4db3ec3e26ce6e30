using FlashSale.FaultInjection.Load;

namespace FlashSale.FaultInjection.Checking;

/// <summary>
/// Holds the history of claims and answers against the ledger. A key's answers (per campaign: a key
/// reused on another campaign is a question of its own) are its attempts and, for the ones left
/// unknown, their resolutions; whatever the shopper was told must be what PostgreSQL holds: every
/// "yes" a row with that coupon, every key's "no" no row, every row a "yes", no key two coupons.
/// </summary>
public sealed class HistoryChecker(Sale sale, IReadOnlyCollection<ClaimAttempt> history, IReadOnlyList<ResolvedClaim> resolutions)
{
    public long Lost { get; private set; }
    public long Double { get; private set; }

    /// <summary>Every claim answer: the load's attempts and the resolutions' retries.</summary>
    public IReadOnlyList<ClaimAttempt> Answers { get; } =
        [.. history, .. resolutions.SelectMany(r => new[] { r.Answer, r.Again }).OfType<ClaimAttempt>()];

    public async Task<IReadOnlyList<CampaignLedger>> CheckAsync(CheckList checks, LedgerReader ledger)
    {
        var rows = await ledger.CouponsByKeyAsync(sale.Campaigns.Select(c => c.Id));
        var keys = Answers.GroupBy(a => (a.Request.ShopperId, a.Request.Key, a.Request.CampaignId)).ToList();
        var toldYes = keys.Where(key => key.Any(a => a.Outcome == Outcome.Acknowledged)).ToList();
        var toldYesKeys = toldYes.Select(key => key.Key).ToHashSet();
        var onlyNo = keys.Where(key => key.All(a => a.Outcome == Outcome.Refused)).ToList();

        var yesNotInLedger = toldYes.Count(key =>
            !rows[(key.Key.ShopperId, key.Key.Key)].Contains((key.First(a => a.Outcome == Outcome.Acknowledged).CouponId!.Value, key.Key.CampaignId)));
        var toldTwoCoupons = toldYes.Count(key => key.Where(a => a.Outcome == Outcome.Acknowledged).Select(a => a.CouponId).Distinct().Count() > 1)
            + toldYes.GroupBy(key => (key.Key.ShopperId, key.Key.Key)).Count(campaigns => campaigns.Count() > 1);
        var keysWithTwoRows = rows.Count(key => key.Count() > 1);
        // Once a "yes" has arrived, every request sent after it must be told yes (requests already on their way may have met a pause first).
        var yesThenNo = toldYes.Where(key => key.Any(no => no.Outcome == Outcome.Refused
            && key.Any(yes => yes.Outcome == Outcome.Acknowledged && yes.AnsweredAt < no.SentAt))).ToList();
        var toldNoButIssued = onlyNo.Count(key => rows[(key.Key.ShopperId, key.Key.Key)].Any(r => r.Campaign == key.Key.CampaignId));
        var allRows = rows.SelectMany(key => key.Select(r => (key.Key.Shopper, key.Key.Key, r.Campaign))).ToList();
        var rowsNeverToldYes = allRows.Count(r => !toldYesKeys.Contains(r));
        Lost = yesNotInLedger;
        Double = toldTwoCoupons + keysWithTwoRows;

        checks.Add("every acknowledged claim is in PostgreSQL (lost)", toldYes.Count, yesNotInLedger,
            $"{toldYes.Count:N0} keys told yes, {yesNotInLedger} without their coupon's row");
        checks.Add("one coupon per idempotency key at most (double)", rows.Count, Double,
            $"{rows.Count:N0} keys with rows: {keysWithTwoRows} with two rows, {toldTwoCoupons} told two different coupons (or yes on two campaigns)");
        checks.Add("a key told yes is never told no again", toldYes.Count, yesThenNo.Count, $"{yesThenNo.Count} of {toldYes.Count:N0} keys"
            + CheckList.Examples(yesThenNo, key => $"key {key.Key.Key}: " + string.Join(", ", key.OrderBy(a => a.SentAt).Select(Timed))));
        checks.Add("a key only ever told no has no coupon", onlyNo.Count, toldNoButIssued, $"{toldNoButIssued} of {onlyNo.Count:N0} keys refused yet issued");
        checks.Add("every coupon row was told yes: each campaign's rows = its acknowledged claims + its unknowns resolved as issued",
            allRows.Count, rowsNeverToldYes, $"{allRows.Count:N0} rows, {rowsNeverToldYes} whose key was never told yes");

        var campaigns = new List<CampaignLedger>();
        foreach (var campaign in sale.Campaigns)
        {
            campaigns.Add(await ledger.CampaignAsync(campaign));
        }

        PerCampaign(checks, "issued <= stock (recycled units included), and the counter equals the rows", campaigns,
            c => c.CouponRows <= c.TotalStock && c.IssuedCounter == c.CouponRows, c => $"rows {c.CouponRows}, counter {c.IssuedCounter}, stock {c.TotalStock}");
        PerCampaign(checks, "the API shows issued + remaining = stock, issued = rows", campaigns,
            c => c.ApiIssued + c.ApiRemaining == c.ApiTotalStock && c.ApiTotalStock == c.TotalStock && c.ApiIssued == c.CouponRows,
            c => $"issued {c.ApiIssued} + remaining {c.ApiRemaining} of {c.ApiTotalStock}, rows {c.CouponRows}");
        PerCampaign(checks, "no shopper above the per-user limit", campaigns, c => c.MostPerShopper <= Limits(c).PerUserLimit,
            c => $"most per shopper {c.MostPerShopper}, limit {Limits(c).PerUserLimit}");
        var deviceLimited = campaigns.Where(c => Limits(c).MaxClaimsPerDevice is not null).ToList();
        PerCampaign(checks, "no device above the per-device limit", deviceLimited, c => c.MostPerDevice <= Limits(c).MaxClaimsPerDevice,
            c => $"most per device {c.MostPerDevice}, limit {Limits(c).MaxClaimsPerDevice}");
        var mostAccounts = await ledger.MostAccountsPerDeviceAsync(sale.DeviceLimited.Select(c => c.Id));
        var accountLimit = sale.DeviceLimited.Min(c => c.MaxAccountsPerDevice)!.Value;
        checks.Add("no device used by more accounts than allowed", sale.DeviceLimited.Count, mostAccounts > accountLimit ? 1 : 0,
            $"most accounts on one device {mostAccounts}, limit {accountLimit}");

        var unresolved = resolutions.Count(r => !r.Resolved);
        var inconsistent = resolutions.Where(r => r.Resolved && !r.Consistent).ToList();
        checks.Add("every unknown outcome, retried with its key, resolved to one consistent answer", resolutions.Count, unresolved + inconsistent.Count,
            $"{resolutions.Count:N0} unknown keys: {unresolved} unresolved, {inconsistent.Count} answered two ways; "
            + $"{resolutions.Count(r => r.NoThenYes)} refused while a pause, sell-out or limit held, then issued"
            + CheckList.Examples(inconsistent, r => $"{r.Unknown.Request.Key}: {Told(r.Answer!)}, then {Told(r.Again!)}"));
        return campaigns;
    }

    /// <summary>An attempt with its node and times, for examples.</summary>
    public static string Timed(ClaimAttempt a) => $"node {a.ApiNode} {a.SentAt.TotalSeconds:0.00}-{a.AnsweredAt.TotalSeconds:0.00} s {a.Status} {a.Code}";

    private static string Told(ClaimAttempt answer) =>
        $"{answer.Status} {(answer.Outcome == Outcome.Acknowledged ? answer.CouponId.ToString() : answer.Code)}";

    private SaleCampaign Limits(CampaignLedger campaign) => sale.Campaigns.Single(c => c.Id == campaign.CampaignId);

    private static void PerCampaign(CheckList checks, string name, IReadOnlyList<CampaignLedger> campaigns, Func<CampaignLedger, bool> holds,
        Func<CampaignLedger, string> describe)
    {
        var broken = campaigns.Where(c => !holds(c)).ToList();
        checks.Add(name, campaigns.Count, broken.Count,
            $"campaigns: {campaigns.Count}, coupons {campaigns.Sum(c => c.CouponRows):N0}" + CheckList.Examples(broken, c => $"{c.Name}: {describe(c)}"));
    }
}
