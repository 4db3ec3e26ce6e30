using System.Collections.Immutable;

namespace FlashSale.GrainInterfaces.Audit;

/// <summary>The auditor's state: its last pass (when, how long, what it judged) and the breaches found, oldest first.</summary>
/// <param name="LastPassAt">When the last pass ended; null before the first.</param>
/// <param name="Checked">What the last pass judged, per invariant (campaigns, shoppers, orders, accounts, sale orders).</param>
[GenerateSerializer, Immutable, Alias("FlashSale.AuditReport")]
public sealed record AuditReport(
    [property: Id(0)] DateTimeOffset? LastPassAt,
    [property: Id(1)] double LastPassMilliseconds,
    [property: Id(2)] long Passes,
    [property: Id(3)] ImmutableDictionary<string, int> Checked,
    [property: Id(4)] ImmutableArray<InvariantBreach> Breaches);

/// <summary>
/// One invariant found broken. <see cref="Invariant"/> is one of <see cref="Invariants"/>; <see cref="Subject"/> names
/// what broke it (a campaign, a shopper in a campaign, an order, an account); <see cref="Rows"/> are the offending
/// rows as the database holds them.
/// </summary>
[GenerateSerializer, Immutable, Alias("FlashSale.InvariantBreach")]
public sealed record InvariantBreach(
    [property: Id(0)] string Invariant,
    [property: Id(1)] string Subject,
    [property: Id(2)] string Detail,
    [property: Id(3)] Guid? CampaignId,
    [property: Id(4)] DateTimeOffset FoundAt,
    [property: Id(5)] string Rows);

/// <summary>The invariants the auditor checks, as its alerts, metrics and reports name them.</summary>
public static class Invariants
{
    /// <summary>Invariant 1: a campaign's ledger rows are numbered 1..issued, as many as its counter says.</summary>
    public const string LedgerMatchesIssued = "ledger_matches_issued";

    /// <summary>Invariant 1: issued ≤ stock (stock with what was recycled into it).</summary>
    public const string NeverOversold = "never_oversold";

    /// <summary>Invariant 2: no shopper holds more claims of a campaign than its per-shopper limit.</summary>
    public const string ShopperLimit = "shopper_limit";

    /// <summary>Invariant 2: no device above a campaign's claims per device, no account past its accounts per device.</summary>
    public const string DeviceLimit = "device_limit";

    /// <summary>M1: an order's discount is within its amount and is the sum of its standing uses.</summary>
    public const string OrderDiscount = "order_discount";

    /// <summary>M2: a points balance is the sum of its entries.</summary>
    public const string PointsBalance = "points_balance";

    /// <summary>Paid sales: an order is paid at most once (one capture settled as a coupon).</summary>
    public const string PaidOnce = "paid_once";
}
