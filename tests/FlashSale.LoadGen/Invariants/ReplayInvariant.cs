using FlashSale.LoadGen.Load;

namespace FlashSale.LoadGen.Invariants;

/// <summary>Checked while the run goes, by the workers: needs no database, so it holds for every target that issues coupons.</summary>
public static class ReplayInvariant
{
    public const string Name = "every replayed key got its first coupon back";

    public static InvariantCheck Check(AcknowledgedClaims acknowledged)
    {
        var judged = acknowledged.ReplaysJudged;
        var mismatches = acknowledged.ReplayMismatches;
        var detail = mismatches == 0
            ? $"{judged:N0} replays answered with their first coupon"
            : $"{mismatches:N0} of {judged:N0} replays did not get their first coupon, e.g. {string.Join("; ", acknowledged.MismatchSamples)}";
        return new InvariantCheck(Name, mismatches == 0, detail);
    }
}
