using System.Globalization;
using FlashSale.GrainInterfaces.Claims;
using FlashSale.GrainInterfaces.Risk;
using Microsoft.Extensions.Logging;

namespace FlashSale.Grains.Campaigns;

/// <summary>What the committer tells the grain as claims end: counted, published, audited, or the activation given up.</summary>
public sealed partial class CampaignGrain
{
    void IClaimCommitEvents.Committed(IReadOnlyList<AdmittedClaim> batch, bool soldOut)
    {
        _live.Committed(batch.Count, clock.GetUtcNow());
        OrdersCommitted(batch);
        PublishSoon();
        AlertLowStock(publish: true);
        if (soldOut)
        {
            PublishGate();
            PublishState("sold_out");
            PublishAlert("sold_out", null);
        }
    }

    void IClaimCommitEvents.Refused(AdmittedClaim claim, ClaimOutcome outcome, ClaimLimits.Refusal? byLimit)
    {
        if (byLimit?.Rule is { } rule)
        {
            audit.Record(new RiskDecision(clock.GetUtcNow(), RiskVerdict.Refused, rule, Definition!.Id, claim.ShopperId,
                claim.DeviceId, null, $$"""{"limit":{{byLimit.Limit?.ToString(CultureInfo.InvariantCulture) ?? "null"}}}"""));
        }

        Counted(outcome);
    }

    /// <summary>
    /// A failed write acknowledged none of its claims. The activation stops serving and goes away,
    /// so that the next call activates a fresh one that rebuilds its view from the ledger.
    /// </summary>
    void IClaimCommitEvents.Broke(Exception error, int unanswered)
    {
        CampaignGrainLog.LedgerWriteFailed(logger, error, this.GetPrimaryKey(), unanswered);
        _live.Refused(ClaimOutcomeCodes.Of(ClaimOutcome.Unavailable), unanswered);
        DeactivateOnIdle();
    }

    ClaimOutcome? IClaimCommitEvents.ClosedOutcome() =>
        clock.GetUtcNow() >= Definition!.EndsAt ? ClaimOutcome.Ended : Admission.Paused ? ClaimOutcome.Paused : Admission.Draft ? ClaimOutcome.Draft : null;
}
