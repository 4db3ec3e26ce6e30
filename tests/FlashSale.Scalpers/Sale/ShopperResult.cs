namespace FlashSale.Scalpers.Sale;

/// <summary>How one ordinary shopper's sale went, from their answers.</summary>
public sealed class ShopperResult
{
    /// <summary>The read of the campaign was answered 200 (not asked with <c>--shoppers-skip-read</c>).</summary>
    public bool Read { get; set; }

    public bool Coupon { get; set; }

    /// <summary>Asked for a proof of work at least once (428).</summary>
    public bool Challenged { get; set; }

    /// <summary>Refused by a rule (403 risk_denied).</summary>
    public bool Denied { get; set; }

    /// <summary>Refused by a block, an escalation's or an operator's (403 risk_blocked).</summary>
    public bool Blocked { get; set; }

    public bool RateLimited { get; set; }

    /// <summary>The last answer: what the shopper was left with.</summary>
    public string Last { get; set; } = "not sent";
}
