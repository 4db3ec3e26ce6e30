namespace FlashSale.FaultInjection.Checking.Money;

/// <summary>The money rules M1-M7, the top-ups and the probes, judged against the run's answers and PostgreSQL.</summary>
public static class MoneyChecker
{
    public static void Add(CheckList checks, MoneyEvidence evidence)
    {
        AnsweredChecks.Add(checks, evidence);
        OrderChecks.Add(checks, evidence);
        PointsChecks.Add(checks, evidence);
        GiftCardChecks.Add(checks, evidence);
        TransferChecks.Add(checks, evidence);
        RefundChecks.Add(checks, evidence);
        ClosedCampaignChecks.Add(checks, evidence);
        RecyclingChecks.Add(checks, evidence);
        ProbeChecks.Add(checks, evidence);
    }
}
