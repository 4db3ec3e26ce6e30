namespace FlashSale.LoadGen.Invariants;

public sealed record InvariantCheck(string Name, bool Passed, string Detail);

/// <summary>One campaign as PostgreSQL holds it after the run.</summary>
public sealed record CampaignLedger(Guid CampaignId, int TotalStock, int PerUserLimit, int Issued, long CouponRows, long MostHeldByOneShopper, bool SoldOutSeen);

/// <param name="Campaigns">Empty when the ledger was not read (no <c>--db</c>).</param>
public sealed record InvariantReport(bool Passed, IReadOnlyList<InvariantCheck> Checks, IReadOnlyList<CampaignLedger> Campaigns)
{
    public static InvariantReport Of(IReadOnlyList<InvariantCheck> checks, IReadOnlyList<CampaignLedger> campaigns) =>
        new(checks.All(c => c.Passed), checks, campaigns);
}
