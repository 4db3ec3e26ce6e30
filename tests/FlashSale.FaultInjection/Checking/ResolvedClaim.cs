using FlashSale.FaultInjection.Load;

namespace FlashSale.FaultInjection.Checking;

/// <summary>
/// A claim whose outcome the shopper never learned, sent again with its key until it was answered
/// (<see cref="Answer"/>), then once more (<see cref="Again"/>): the two must agree on the outcome, the
/// same coupon or no coupon. A refusal's code may change (a shopper over both the per-user and the
/// device limit hears of whichever counter answers first). A coupon may never be followed by a
/// refusal; a refusal that lasts only while it holds may be followed by the coupon (see <see cref="Passing"/>).
/// </summary>
public sealed record ResolvedClaim(ClaimAttempt Unknown, ClaimAttempt? Answer, ClaimAttempt? Again)
{
    /// <summary>
    /// Refusals that may pass: a pause (resumed meanwhile, or an API node's gate not yet told), a
    /// sell-out (topped up), and limits held by claims in flight or by reservations a failed write left
    /// until they expire (the design's "briefly stricter, never looser").
    /// </summary>
    public static readonly IReadOnlyList<string> Passing =
        ["paused", "sold_out", "limit_reached", "device_limit_reached", "daily_limit_reached", "insufficient_points"];

    public bool Resolved => Answer is not null && Again is not null;

    public bool Consistent => Resolved && (Same || NoThenYes);

    /// <summary>A passing refusal, then the coupon.</summary>
    public bool NoThenYes => Resolved && Answer!.Outcome == Outcome.Refused && Passing.Contains(Answer.Code, StringComparer.Ordinal) && Again!.Outcome == Outcome.Acknowledged;

    private bool Same => Answer!.Outcome == Again!.Outcome && Answer.CouponId == Again.CouponId;
}
