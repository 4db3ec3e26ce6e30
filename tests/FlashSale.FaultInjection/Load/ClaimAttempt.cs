namespace FlashSale.FaultInjection.Load;

public enum Outcome
{
    /// <summary>201 with a coupon: the shopper was told "yes".</summary>
    Acknowledged,

    /// <summary>A 4xx with a code: the shopper was told "no".</summary>
    Refused,

    /// <summary>A 5xx, a timeout or a broken connection: the shopper does not know, and must retry with the same key.</summary>
    Unknown,
}

/// <summary>One request of the history: what was asked, of which API node, when, and what came back.</summary>
public sealed record ClaimAttempt(
    ClaimRequest Request, int ApiNode, TimeSpan SentAt, TimeSpan AnsweredAt, Outcome Outcome, int Status, Guid? CouponId, string Code);
