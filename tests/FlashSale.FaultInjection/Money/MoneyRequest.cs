using FlashSale.FaultInjection.Load;

namespace FlashSale.FaultInjection.Money;

/// <summary>
/// A request on a money route or a marketing control, and what it is about, for the checker: the
/// same request (order id or key included) is what a retry sends again.
/// </summary>
public sealed record MoneyRequest(MoneyRoute Route, Actor Actor, string Path, string? Body = null, string? Key = null)
{
    /// <summary>The order redeemed on or refunded, in <see cref="Actor"/>'s order scope.</summary>
    public string? OrderId { get; init; }

    /// <summary>The coupons redeemed, transferred or turned into points.</summary>
    public IReadOnlyList<Guid> Coupons { get; init; } = [];

    public decimal Amount { get; init; }

    /// <summary>The campaign a control or top-up changes.</summary>
    public Guid? CampaignId { get; init; }

    /// <summary>Whom a transfer gives to, or a credit credits.</summary>
    public string? Recipient { get; init; }

    /// <summary>Points credited, or coupons added by a top-up.</summary>
    public long Quantity { get; init; }

    /// <summary>Set on a request that must be refused: the rule it tries, and the code it must get.</summary>
    public Probe? Probe { get; init; }

    public string OrderScope => Actor.OrderScope;
}

/// <param name="Rule">The rule tried, as the report names it (e.g. <c>M5</c>).</param>
/// <param name="What">What the request tries, in words.</param>
/// <param name="Code">The refusal's code it must get.</param>
public sealed record Probe(string Rule, string What, string Code);
