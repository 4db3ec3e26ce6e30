using System.Globalization;

namespace FlashSale.Tests.Money.Model;

public enum Kind
{
    Fixed,
    Percent,
    Threshold,
    Giftcard,
    Points,
}

public enum TransferRule
{
    None,
    Free,
    WithinLimit,
}

/// <summary>
/// A campaign a sequence creates at its start. <paramref name="Value"/> is the kind's main figure
/// (amountOff, percentOff, cardValue or points) and <paramref name="Extra"/> its second (maxDiscount,
/// minSpend). <paramref name="Merchant"/> is 0 or 1, the sequence's two merchants. A campaign that
/// <paramref name="Recycles"/> hands out coupons valid <see cref="ShortValidity"/> after their claim
/// and gives the units of those that expire unused back to its stock.
/// </summary>
public sealed record CampaignSpec(
    Kind Kind, decimal Value, decimal? Extra, bool Stackable, TransferRule Transfer, int Stock, int PerUserLimit, int Merchant, int PointsPrice,
    bool Recycles)
{
    public static readonly TimeSpan ShortValidity = TimeSpan.FromSeconds(1);

    public decimal CardValue => Kind == Kind.Giftcard ? Value : 0;

    /// <summary>The body of <c>POST /api/campaigns</c>.</summary>
    public object Body(string name, DateTimeOffset now) => new
    {
        name,
        coupon = Coupon(),
        totalStock = Stock,
        perUserLimit = PerUserLimit,
        startsAt = now.AddMinutes(-1),
        endsAt = now.AddHours(1),
        validity = Recycles ? new { afterClaim = ShortValidity.ToString("c", CultureInfo.InvariantCulture) } : (object)new { days = 7 },
        use = new
        {
            transfer = Transfer switch { TransferRule.Free => "free", TransferRule.WithinLimit => "withinLimit", _ => "none" },
            stackable = Stackable,
            recycleExpired = Recycles,
        },
        price = PointsPrice > 0 ? new { points = PointsPrice } : null,
    };

    private object Coupon() => Kind switch
    {
        Kind.Fixed => new { kind = "fixed", currency = "CNY", amountOff = Value },
        Kind.Percent => new { kind = "percent", currency = "CNY", percentOff = Value, maxDiscount = Extra },
        Kind.Threshold => new { kind = "threshold", currency = "CNY", amountOff = Value, minSpend = Extra },
        Kind.Giftcard => new { kind = "giftcard", currency = "CNY", cardValue = Value },
        _ => (object)new { kind = "points", points = (long)Value },
    };

    public override string ToString() =>
        $"{Kind} {Value}{(Extra is { } extra ? "/" + extra : "")} {(Stackable ? "stackable" : "exclusive")} transfer={Transfer} stock={Stock} "
        + $"limit={PerUserLimit} merchant={Merchant}{(PointsPrice > 0 ? $" price={PointsPrice}pts" : "")}{(Recycles ? " recycles" : "")}";
}
