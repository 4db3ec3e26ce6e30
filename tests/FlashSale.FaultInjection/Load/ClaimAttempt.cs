namespace FlashSale.FaultInjection.Load;

/// <summary>One request of the history: what was asked, of which API node, when, and what came back.</summary>
public sealed record ClaimAttempt(
    ClaimRequest Request, int ApiNode, TimeSpan SentAt, TimeSpan AnsweredAt, Outcome Outcome, int Status, Guid? CouponId, string Code);
