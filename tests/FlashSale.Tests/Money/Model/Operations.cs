namespace FlashSale.Tests.Money.Model;

/// <summary>
/// A generated operation. It names shoppers, tills, campaigns, coupons and orders by index, since
/// coupon ids and codes exist only once the system has issued them: the runner resolves the indices
/// against what the sequence has seen so far (<see cref="Resolver"/>), so a seed always generates
/// the same operations.
/// </summary>
public abstract record Op;

/// <summary>Claim a coupon of the sequence's campaign <paramref name="Campaign"/> with a fresh key.</summary>
public sealed record ClaimOp(int Shopper, int Campaign) : Op;

/// <summary>Send again one of the shopper's earlier claim keys (issued: the same coupon; refused: judged again).</summary>
public sealed record ReplayClaimOp(int Shopper, int Key) : Op;

public sealed record RedeemOp(int Shopper, CouponPick Coupon, OrderPick Order, AmountPick Amount, bool OtherCurrency) : Op;

public sealed record CheckoutOp(int Shopper, CouponPick[] Coupons, OrderPick Order, AmountPick Amount, bool OtherCurrency) : Op
{
    public override string ToString() =>
        $"CheckoutOp {{ Shopper = {Shopper}, Coupons = [{string.Join(", ", Coupons.Select(c => c.ToString()))}], Order = {Order}, Amount = {Amount}, OtherCurrency = {OtherCurrency} }}";
}

/// <summary>A till (0, 1: merchant 0; 2, 3: merchant 1) redeems a code; <paramref name="OldCode"/>: one the coupon had before a transfer.</summary>
public sealed record TillRedeemOp(int Till, CouponPick Coupon, bool OldCode, OrderPick Order, AmountPick Amount, bool OtherCurrency) : Op;

/// <summary>
/// A refund. Of an <see cref="OrderSource.Own"/> order: any order the sequence named, by its owner (the
/// shopper, or a till of the merchant); otherwise by the shopper or till <paramref name="Party"/>
/// (<paramref name="ByTill"/>), of another scope's order or of one nobody made.
/// </summary>
public sealed record RefundOp(bool ByTill, int Party, OrderPick Order) : Op;

/// <summary>A transfer to the shopper <paramref name="To"/> places after the giver (0: to themselves).</summary>
public sealed record TransferOp(int Shopper, CouponPick Coupon, int To) : Op;

public sealed record RedeemPointsOp(int Shopper, CouponPick Coupon) : Op;

/// <summary>
/// Time passes for the recycling campaign: wait until all its coupons have expired and the recycler
/// has looked at each of them and restocked the campaign. Always a step of its own.
/// </summary>
public sealed record RecycleTickOp : Op;

/// <summary>An admin credits points.</summary>
public sealed record CreditOp(int Shopper, int Points) : Op;

/// <summary>Which coupons an index counts among, and who acts on the coupon picked.</summary>
public enum CouponFilter
{
    /// <summary>Every coupon the sequence has seen, acted on by the operation's own shopper (mostly a stranger to it).</summary>
    Any,

    /// <summary>Every coupon the sequence has seen, acted on by whoever holds it now.</summary>
    ByHolder,

    /// <summary>Those of the till's merchant's campaigns.</summary>
    Merchant,

    /// <summary>Points cards, acted on by whoever holds them.</summary>
    PointsCardByHolder,
}

/// <summary>The <paramref name="Index"/>-th coupon (modulo how many there are) among those of <paramref name="Filter"/>; any coupon when none is.</summary>
public sealed record CouponPick(CouponFilter Filter, int Index)
{
    public override string ToString() => $"{Filter}#{Index}";
}

public enum OrderSource
{
    /// <summary>A new order id; operations of one step that name the same slot share it (a race on a new order).</summary>
    New,

    /// <summary>An order id the caller's own scope used before (for a refund: any order, refunded by its owner).</summary>
    Own,

    /// <summary>An order id another scope used: a different order, or someone else's to refund.</summary>
    Foreign,

    /// <summary>An order id nobody used.</summary>
    Never,
}

public sealed record OrderPick(OrderSource Source, int Index)
{
    public override string ToString() => $"{Source}#{Index}";
}

/// <summary>The order's own amount when it has one, or one of <see cref="Amounts"/>.</summary>
public sealed record AmountPick(bool SameAsOrder, int Palette)
{
    /// <summary>Small enough that coupons cover orders, with cents that make percentages round (45.45 at 10% is a midpoint).</summary>
    public static readonly decimal[] Amounts = [19.99m, 45.45m, 60m, 99.99m, 150m, 300m];

    public override string ToString() => SameAsOrder ? $"same(or {Amounts[Palette]})" : Amounts[Palette].ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>One generated sequence: its shoppers, its campaigns, and its steps (the operations of a step run at once).</summary>
public sealed record Sequence(int Shoppers, CampaignSpec[] Campaigns, Op[][] Steps)
{
    public int Operations => Steps.Sum(s => s.Length);

    public override string ToString()
    {
        var text = new System.Text.StringBuilder($"{Shoppers} shoppers, {Campaigns.Length} campaigns, {Steps.Length} steps, {Operations} operations\n");
        for (var i = 0; i < Campaigns.Length; i++)
        {
            text.Append($"  campaign {i}: {Campaigns[i]}\n");
        }

        for (var i = 0; i < Steps.Length; i++)
        {
            text.Append($"  step {i}: {string.Join(" || ", Steps[i].Select(o => o.ToString()))}\n");
        }

        return text.ToString();
    }
}
