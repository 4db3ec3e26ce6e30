using FlashSale.FaultInjection.Load;

namespace FlashSale.FaultInjection.Checking;

/// <summary>
/// A claim whose outcome the shopper never learned, sent again with its key until it was answered
/// (<see cref="Answer"/>), then once more (<see cref="Again"/>): the two must agree on the outcome, the
/// same coupon or no coupon. A refusal's code may change (a shopper over both the per-user and the
/// device limit hears of whichever counter answers first).
/// </summary>
public sealed record ResolvedClaim(ClaimAttempt Unknown, ClaimAttempt? Answer, ClaimAttempt? Again)
{
    public bool Resolved => Answer is not null && Again is not null;

    public bool Consistent => Resolved && Answer!.Outcome == Again!.Outcome && Answer.CouponId == Again.CouponId;
}
