using System.Diagnostics;
using FlashSale.GrainInterfaces.Claims;
using FlashSale.Grains.Ledger;

namespace FlashSale.Grains.Campaigns;

/// <summary>
/// A claim that holds a unit of stock: first waiting for the group commit that carries it, then,
/// once committed, the record that answers replays of its key.
/// </summary>
internal sealed class AdmittedClaim(string shopperId, string deviceId, string idempotencyKey, IssuedCoupon coupon)
{
    private TaskCompletionSource<ClaimResult>? _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string ShopperId { get; } = shopperId;
    public string DeviceId { get; } = deviceId;
    public string IdempotencyKey { get; } = idempotencyKey;
    public IssuedCoupon Coupon { get; private set; } = coupon;

    /// <summary>
    /// Its reservation with the shopper and device counters: the coupon's id, so that a counter can
    /// find in the ledger whether a reserved claim has committed (its points debited).
    /// </summary>
    public Guid ReservationId => Coupon.CouponId;

    /// <summary>The day its daily limits count it in.</summary>
    public DateOnly Day { get; set; }

    /// <summary>The slots it holds under the limits that span campaigns; null until reserved and after commit.</summary>
    public RiskSlots? Slots { get; set; }

    /// <summary>The traced grain call that admitted it, until it is answered (see <see cref="ClaimRounds"/>).</summary>
    public Activity? Trace { get; private set; } = ClaimRounds.CallerTrace;

    /// <summary>The first caller's answer; replays that arrive while the write is in flight share it.</summary>
    public Task<ClaimResult> Answer => _answer?.Task ?? Task.FromResult(new ClaimResult(ClaimOutcome.Issued, Coupon));

    public static AdmittedClaim Committed(string shopperId, string idempotencyKey, IssuedCoupon coupon)
    {
        var claim = new AdmittedClaim(shopperId, "", idempotencyKey, coupon);
        claim._answer = null;
        claim.Trace = null;
        return claim;
    }

    public void MarkCommitted()
    {
        var answer = _answer;
        // Dropping the completion source keeps a committed claim small: it lives as long as the activation.
        _answer = null;
        Slots = null;
        Trace = null;
        answer?.TrySetResult(new ClaimResult(ClaimOutcome.Issued, Coupon));
    }

    /// <summary>Its coupon was given away: replays say so, without the code, which is now the holder's.</summary>
    public void GiveAway() => Coupon = Coupon with { Code = null };

    public void Fail(ClaimOutcome outcome)
    {
        Trace = null;
        _answer?.TrySetResult(ClaimResult.Refused(outcome));
    }
}
