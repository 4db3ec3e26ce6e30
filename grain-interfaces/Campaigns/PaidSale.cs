namespace FlashSale.GrainInterfaces.Campaigns;

/// <summary>
/// A campaign whose cash price is collected: each claim is an order holding one unit for
/// <see cref="PaymentWindow"/>, and its coupon is issued only once the payment is captured.
/// Campaigns stored before paid sales existed have none: their cash price is shown, not collected.
/// </summary>
/// <param name="RefundsReturnStock">Whether refunding an unused paid coupon gives its unit back while the sale is open.</param>
[GenerateSerializer, Immutable, Alias("FlashSale.PaidSale")]
public sealed record PaidSale(
    [property: Id(0)] TimeSpan PaymentWindow,
    [property: Id(1)] bool RefundsReturnStock = false)
{
    /// <summary>What a marketing team gets when it names a cash price and no window: as long as the seckill tutorials hold an order.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan MinWindow = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MaxWindow = TimeSpan.FromHours(24);

    /// <summary>The price in fen, as gateways take it.</summary>
    public static long Fen(decimal yuan) => (long)decimal.Round(yuan * 100m, 0, MidpointRounding.AwayFromZero);
}

/// <summary>
/// A paid sale's order counts as the ledger holds them; each only ever rises, so a grain takes the
/// larger of two reports whatever order they arrive in.
/// </summary>
/// <param name="Paid">Orders paid in time (their coupons issued).</param>
/// <param name="Lapsed">Orders that expired unpaid, their units back in stock.</param>
/// <param name="RefundsReturned">Paid coupons refunded with their units back in stock.</param>
[GenerateSerializer, Immutable, Alias("FlashSale.SaleCounts")]
public sealed record SaleCounts(
    [property: Id(0)] int Paid,
    [property: Id(1)] int Lapsed,
    [property: Id(2)] int RefundsReturned)
{
    public static readonly SaleCounts None = new(0, 0, 0);

    public SaleCounts Max(SaleCounts other) =>
        new(Math.Max(Paid, other.Paid), Math.Max(Lapsed, other.Lapsed), Math.Max(RefundsReturned, other.RefundsReturned));
}
