using System.Globalization;

namespace FlashSale.Tests.Money.Model;

/// <summary>
/// What an operation answers, as the model predicts it and as it is read off the HTTP answer: the
/// status, the problem's <c>code</c>, and the values that matter in a success (discounts, balances,
/// which coupon) written out canonically, so that a prediction and an observation compare as text.
/// </summary>
public sealed record Outcome(int Status, string? Code = null, string Detail = "")
{
    public static Outcome Ok(string detail = "") => new(200, null, detail);

    public static Outcome Refused(int status, string code, string detail = "") => new(status, code, detail);

    public static Outcome NotFound(string code, string detail = "") => new(404, code, detail);

    public static Outcome Conflict(string code, string detail = "") => new(409, code, detail);

    public static Outcome Unprocessable(string code, string detail = "") => new(422, code, detail);

    public override string ToString() => $"{Status}{(Code is null ? "" : " " + Code)}{(Detail == "" ? "" : " " + Detail)}";

    /// <summary>Money as the database and the API have it: two decimals, invariant culture.</summary>
    public static string Money(decimal? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-";
}

/// <summary>
/// What the model assumes about the moment the server judged an operation: its clock (which the
/// test only knows to lie between sending and answering); on a recycling campaign, whether the
/// recycler had given a unit back to the stock by then; whether the call read its order before
/// a call of the same step created it (<see cref="Discrepancies.ConcurrentFirstUse"/>); and whether
/// a claim of the step that was refused after admission still held its place
/// (<see cref="Discrepancies.RefusedClaimHoldsItsPlace"/>).
/// </summary>
public sealed record Moment(DateTimeOffset Now, bool Restocked = false, bool Stale = false, bool InFlight = false);
