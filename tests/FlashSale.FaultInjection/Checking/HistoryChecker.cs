using FlashSale.FaultInjection.Load;

namespace FlashSale.FaultInjection.Checking;

/// <summary>
/// Holds the history of requests and answers against the ledger. A key's answers are its attempts and,
/// for the ones left unknown, their resolutions; whatever the shopper was told must be what PostgreSQL
/// holds: every "yes" a row with that coupon, every key's "no" no row, no key two coupons.
/// </summary>
public sealed class HistoryChecker(Sale sale, IReadOnlyCollection<ClaimAttempt> history, IReadOnlyList<ResolvedClaim> resolutions)
{
    public long Lost { get; private set; }
    public long Double { get; private set; }

    public async Task<(IReadOnlyList<Check> Checks, IReadOnlyList<CampaignLedger> Campaigns)> CheckAsync(LedgerReader ledger, int zombieSilos)
    {
        var campaignIds = sale.Campaigns.Select(c => c.Id).ToList();
        var rows = await ledger.CouponsByKeyAsync(campaignIds);
        var answers = history.Concat(resolutions.SelectMany(r => new[] { r.Answer, r.Again }).OfType<ClaimAttempt>())
            .ToLookup(a => (a.Request.ShopperId, a.Request.Key));

        var toldYes = answers.Where(key => key.Any(a => a.Outcome == Outcome.Acknowledged)).ToList();
        var toldTwoCoupons = toldYes.Count(key => key.Where(a => a.Outcome == Outcome.Acknowledged).Select(a => a.CouponId).Distinct().Count() > 1);
        var yesNotInLedger = toldYes.Count(key => !rows[key.Key].Contains(key.First(a => a.Outcome == Outcome.Acknowledged).CouponId!.Value));
        var keysWithTwoRows = rows.Count(key => key.Count() > 1);
        var toldNoButIssued = answers.Count(key => key.All(a => a.Outcome == Outcome.Refused) && rows[key.Key].Any());
        var yesThenNo = toldYes.Count(key => key.Any(a => a.Outcome == Outcome.Refused));
        Lost = yesNotInLedger;
        Double = toldTwoCoupons + keysWithTwoRows;

        var campaigns = new List<CampaignLedger>();
        foreach (var campaign in sale.Campaigns)
        {
            campaigns.Add(await ledger.CampaignAsync(campaign));
        }

        var mostAccounts = await ledger.MostAccountsPerDeviceAsync(campaignIds);
        var soldOutSaid = history.Any(a => a.Request.CampaignId == sale.Scarce.Id && a.Code == "sold_out");
        var scarce = campaigns.Single(c => c.CampaignId == sale.Scarce.Id);
        var unresolved = resolutions.Count(r => !r.Resolved);
        var inconsistent = resolutions.Where(r => r.Resolved && !r.Consistent).ToList();

        return (
        [
            new("every acknowledged claim is in PostgreSQL (lost)", yesNotInLedger == 0,
                $"{toldYes.Count:N0} keys told yes, {yesNotInLedger} without their coupon's row"),
            new("one coupon per idempotency key at most (double)", Double == 0,
                $"{keysWithTwoRows} keys with two rows, {toldTwoCoupons} keys told two different coupons"),
            new("a key told yes is never told no", yesThenNo == 0, $"{yesThenNo} keys"),
            new("a key only ever told no has no coupon", toldNoButIssued == 0, $"{toldNoButIssued} keys refused yet issued"),
            PerCampaign("issued <= stock, and the counter equals the rows", campaigns, c => c.CouponRows <= c.TotalStock && c.IssuedCounter == c.CouponRows,
                c => $"rows {c.CouponRows}, counter {c.IssuedCounter}, stock {c.TotalStock}"),
            PerCampaign("the API shows issued + remaining = stock, issued = rows", campaigns,
                c => c.ApiIssued + c.ApiRemaining == c.ApiTotalStock && c.ApiTotalStock == c.TotalStock && c.ApiIssued == c.CouponRows,
                c => $"issued {c.ApiIssued} + remaining {c.ApiRemaining} of {c.ApiTotalStock}, rows {c.CouponRows}"),
            PerCampaign("no shopper above the per-user limit", campaigns, c => c.MostPerShopper <= Limits(c).PerUserLimit,
                c => $"most per shopper {c.MostPerShopper}, limit {Limits(c).PerUserLimit}"),
            PerCampaign("no device above the per-device limit", campaigns, c => c.MostPerDevice <= Limits(c).MaxClaimsPerDevice,
                c => $"most per device {c.MostPerDevice}, limit {Limits(c).MaxClaimsPerDevice}"),
            new("no device used by more accounts than allowed", mostAccounts <= sale.Plenty.MaxAccountsPerDevice,
                $"most accounts on one device {mostAccounts}, limit {sale.Plenty.MaxAccountsPerDevice}"),
            new("sold out was said only once every coupon was issued", !soldOutSaid || scarce.CouponRows == scarce.TotalStock,
                soldOutSaid ? $"sold_out said; {scarce.CouponRows} of {scarce.TotalStock} issued" : "the scarce campaign did not sell out"),
            new("every unknown outcome, retried with its key, resolved to one consistent answer", unresolved == 0 && inconsistent.Count == 0,
                $"{resolutions.Count:N0} unknown keys: {unresolved} unresolved, {inconsistent.Count} answered two ways"
                + string.Concat(inconsistent.Take(3).Select(r => $"; {r.Unknown.Request.Key}: {Told(r.Answer!)}, then {Told(r.Again!)}"))),
            new("a silo declared dead ends itself when it wakes", zombieSilos == 0, $"{zombieSilos} zombie silos"),
        ], campaigns);
    }

    private static string Told(ClaimAttempt answer) =>
        $"{answer.Status} {(answer.Outcome == Outcome.Acknowledged ? answer.CouponId.ToString() : answer.Code)}";

    private SaleCampaign Limits(CampaignLedger campaign) => sale.Campaigns.Single(c => c.Id == campaign.CampaignId);

    private static Check PerCampaign(string name, IReadOnlyList<CampaignLedger> campaigns, Func<CampaignLedger, bool> holds, Func<CampaignLedger, string> describe) =>
        new(name, campaigns.All(holds), string.Join("; ", campaigns.Select(c => $"{(holds(c) ? "" : "BROKEN ")}{describe(c)}")));
}
