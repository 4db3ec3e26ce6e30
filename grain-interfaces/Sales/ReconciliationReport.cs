using System.Collections.Immutable;

namespace FlashSale.GrainInterfaces.Sales;

/// <summary>One channel's statement of one day matched against our books: <see cref="Differences"/> empty means it reconciles.</summary>
/// <param name="StatementRows">Rows on the gateway's statement (payments and refunds).</param>
/// <param name="Matched">Of those, the rows our books agree with.</param>
/// <param name="Unavailable">Set when the statement could not be had (the gateway down): nothing was matched, nothing kept.</param>
[GenerateSerializer, Immutable, Alias("FlashSale.ReconciliationReport")]
public sealed record ReconciliationReport(
    [property: Id(0)] string Channel,
    [property: Id(1)] DateOnly Day,
    [property: Id(2)] DateTimeOffset RanAt,
    [property: Id(3)] int StatementRows,
    [property: Id(4)] int Matched,
    [property: Id(5)] ImmutableArray<ReconciliationDifference> Differences,
    [property: Id(6)] string? Unavailable = null);

/// <summary>
/// One difference: <c>paid_but_no_coupon</c> (captured at the gateway; neither a coupon nor a refund here),
/// <c>coupon_but_not_paid</c> (a coupon issued for a capture the statement does not list),
/// <c>capture_not_on_statement</c>, <c>amount_mismatch</c> or <c>refund_mismatch</c>.
/// </summary>
/// <param name="OnStatement">Whether the difference is about a row of the statement (else about one of ours it lacks).</param>
[GenerateSerializer, Immutable, Alias("FlashSale.ReconciliationDifference")]
public sealed record ReconciliationDifference(
    [property: Id(0)] string Kind,
    [property: Id(1)] string OutTradeNo,
    [property: Id(2)] string? OutRefundNo,
    [property: Id(3)] long? StatementFen,
    [property: Id(4)] long? OursFen,
    [property: Id(5)] bool OnStatement,
    [property: Id(6)] string Detail);
