namespace FlashSale.FaultInjection.Load;

/// <summary>What an answer means to whoever sent the request.</summary>
public enum Outcome
{
    /// <summary>A 2xx (for a claim: 201 with a coupon): told "yes".</summary>
    Acknowledged,

    /// <summary>A 4xx with a code: told "no".</summary>
    Refused,

    /// <summary>A 5xx, a timeout or a broken connection: the sender does not know, and must retry with the same key or order id.</summary>
    Unknown,
}
