using CsCheck;

namespace FlashSale.Tests.Money.Model;

/// <summary>
/// CsCheck generators of wallet sequences: 3 or 4 shoppers, 4 to 6 campaigns of two merchants
/// (every kind, exclusive or stackable, each transfer rule, small stocks and limits so that limits
/// and sell-outs happen; often one with a points price and one whose coupons expire after two
/// second and are recycled), then steps of one to three operations that run at once, some of them
/// contended on purpose. Indices are small so that operations meet on the same coupons and orders.
/// </summary>
public static class SequenceGen
{
    private const int Tills = 4;

    public static Gen<Sequence> Sequences(int minOperations, int maxOperations) =>
        Gen.Select(Gen.Int[3, 4], Campaigns, Gen.Int[minOperations, maxOperations])
            .SelectMany((shoppers, campaigns, operations) =>
                Piece(shoppers, campaigns.Length, campaigns.Any(c => c.Recycles)).Array[operations]
                    .Select(pieces => new Sequence(shoppers, campaigns, Steps(pieces, operations))));

    // A piece is one operation, which joins the step before it 4 times in 10 (up to three to a step),
    // or a contended group, a step of its own; a recycling tick goes alone too.
    private static Op[][] Steps((Op[] Ops, int Join)[] pieces, int operations)
    {
        var steps = new List<List<Op>>();
        foreach (var (ops, join) in pieces)
        {
            if (steps.Sum(s => s.Count) >= operations)
            {
                break;
            }

            if (ops.Length == 1 && join < 4 && steps.Count > 0 && steps[^1].Count < 3 && !Alone(ops[0]) && !Alone(steps[^1][0]))
            {
                steps[^1].Add(ops[0]);
            }
            else
            {
                steps.Add([.. ops]);
            }
        }

        return [.. steps.Select(s => s.ToArray())];
    }

    private static bool Alone(Op op) => op is RecycleTickOp;

    private static Gen<(Op[], int)> Piece(int shoppers, int campaigns, bool recycling) => Gen.Frequency(
        (6, Gen.Select(Operation(shoppers, campaigns, recycling), Gen.Int[0, 9], (op, join) => (new[] { op }, join))),
        (1, Contended(shoppers, campaigns).Select(ops => (ops, 9))));

    /// <summary>
    /// Operations that meet on one coupon, order, card or campaign, sent at once: the system must
    /// answer as if they ran one after the other, in some order.
    /// </summary>
    private static Gen<Op[]> Contended(int shoppers, int campaigns) =>
        Gen.Select(Gen.Int[0, shoppers - 1], Gen.Int[1, shoppers - 1], Gen.Int[0, 7], Gen.Int[0, 7], Gen.Int[0, 1], Amount, Gen.Int[0, campaigns - 1],
            Gen.Int[0, 9], Op[] (a, b, i, j, m, amount, c, kind) =>
            {
                var order = new OrderPick(OrderSource.New, 0);
                var coupon = new CouponPick(CouponFilter.ByHolder, i);
                var sameByCode = new CouponPick(CouponFilter.Any, i);
                return kind switch
                {
                    // One coupon, by its holder and at a till (the same order id, in two scopes).
                    0 => [new RedeemOp(a, coupon, order, amount, false), new TillRedeemOp(2 * m, sameByCode, false, order, amount, false)],
                    // One coupon used and given away at once.
                    1 => [new RedeemOp(a, coupon, order, amount, false), new TransferOp(a, coupon, b)],
                    // One coupon given to two shoppers at once.
                    2 => [new TransferOp(a, coupon, b), new TransferOp(a, coupon, (b % (shoppers - 1)) + 1)],
                    // Two tills of one merchant add coupons to one new order.
                    3 => [new TillRedeemOp(2 * m, new CouponPick(CouponFilter.Merchant, i), false, order, amount, false),
                        new TillRedeemOp(2 * m + 1, new CouponPick(CouponFilter.Merchant, j), false, order, amount, false)],
                    // One order refunded twice (for a merchant's, by both its tills).
                    4 => [new RefundOp(false, 0, new OrderPick(OrderSource.Own, i)), new RefundOp(false, 1, new OrderPick(OrderSource.Own, i))],
                    // A checkout and a till racing for one coupon (a gift card: for its balance).
                    5 => [new CheckoutOp(a, [coupon, new CouponPick(CouponFilter.ByHolder, j)], order, amount, false),
                        new TillRedeemOp(2 * m, sameByCode, false, new OrderPick(OrderSource.New, 1), amount, false)],
                    // Three shoppers after one campaign's last units.
                    6 => [new ClaimOp(a, c), new ClaimOp((a + b) % shoppers, c), new ClaimOp((a + 2 * b) % shoppers, c)],
                    // One shopper claiming one campaign twice at once (its limit, its points price).
                    8 => [new ClaimOp(a, c), new ClaimOp(a, c)],
                    // One points card turned into points twice.
                    7 => [new RedeemPointsOp(a, new CouponPick(CouponFilter.PointsCardByHolder, i)),
                        new RedeemPointsOp(a, new CouponPick(CouponFilter.PointsCardByHolder, i))],
                    // A refund racing a new use of the same order.
                    _ => [new RefundOp(false, 0, new OrderPick(OrderSource.Own, i)), new RedeemOp(a, coupon, new OrderPick(OrderSource.Own, i), amount, false)],
                };
            });

    private static Gen<CampaignSpec[]> Campaigns =>
        Gen.Select(Campaign(recycles: false).Array[4, 5], Gen.Int[0, 9], Campaign(recycles: true),
            (plain, roll, recycling) => roll < 7 ? [recycling, .. plain] : plain);

    private static Gen<CampaignSpec> Campaign(bool recycles) =>
        Gen.Select(Terms(recycles), Gen.Int[0, 9], Gen.OneOf(TransferRule.None, TransferRule.Free, TransferRule.WithinLimit), Gen.Int[2, 5],
            Gen.Int[1, 3], Gen.Int[0, 1], Gen.Frequency((4, 0), (1, 50)),
            (terms, stacking, transfer, stock, limit, merchant, price) => new CampaignSpec(terms.Kind, terms.Value, terms.Extra, Stackable: stacking < 7,
                transfer, stock, limit, merchant, terms.Kind == Kind.Points ? 0 : price, recycles));

    private static Gen<(Kind Kind, decimal Value, decimal? Extra)> Terms(bool recycles) => recycles
        ? Gen.OneOf(Gen.OneOf(10m, 50m).Select(v => (Kind.Fixed, v, (decimal?)null)), Gen.OneOf(40m, 100m).Select(v => (Kind.Giftcard, v, (decimal?)null)))
        : Gen.Frequency(
            (3, Gen.OneOf(10m, 25m, 50m).Select(v => (Kind.Fixed, v, (decimal?)null))),
            (2, Gen.Select(Gen.OneOf(10m, 15m, 33.33m), Gen.OneOf(8m, 100m), (percent, cap) => (Kind.Percent, percent, (decimal?)cap))),
            (2, Gen.Select(Gen.OneOf(20m, 30m), Gen.OneOf(50m, 100m), (off, min) => (Kind.Threshold, off, (decimal?)min))),
            (2, Gen.OneOf(40m, 100m, 120m).Select(v => (Kind.Giftcard, v, (decimal?)null))),
            (1, Gen.OneOf(30m, 100m).Select(v => (Kind.Points, v, (decimal?)null))));

    private static Gen<Op> Operation(int shoppers, int campaigns, bool recycling)
    {
        var shopper = Gen.Int[0, shoppers - 1];
        var currency = Gen.Int[0, 13].Select(roll => roll == 0);
        (int, IGen<Op>)[] operations =
        [
            (24, Gen.Select(shopper, Gen.Int[0, campaigns - 1], (s, c) => (Op)new ClaimOp(s, c))),
            (4, Gen.Select(shopper, Gen.Int[0, 5], (s, k) => (Op)new ReplayClaimOp(s, k))),
            (18, Gen.Select(shopper, Coupon(CouponFilter.ByHolder), Order(forRefund: false), Amount, currency,
                (s, c, o, a, x) => (Op)new RedeemOp(s, c, o, a, x))),
            (8, Gen.Select(shopper, Coupon(CouponFilter.ByHolder).Array[1, 3], Order(forRefund: false), Amount, currency,
                (s, c, o, a, x) => (Op)new CheckoutOp(s, c, o, a, x))),
            (12, Gen.Select(Gen.Int[0, Tills - 1], Coupon(CouponFilter.Merchant), Gen.Int[0, 5].Select(roll => roll == 0), Order(forRefund: false), Amount,
                currency, (t, c, old, o, a, x) => (Op)new TillRedeemOp(t, c, old, o, a, x))),
            (10, Gen.Select(Gen.Int[0, 9].Select(roll => roll < 3), Gen.Int[0, Tills - 1], Order(forRefund: true),
                (till, p, o) => (Op)new RefundOp(till, till ? p : p % shoppers, o))),
            (9, Gen.Select(shopper, Coupon(CouponFilter.ByHolder), Gen.Frequency((1, 0), (8, 1), (4, 2), (2, 3)), (s, c, to) => (Op)new TransferOp(s, c, to))),
            (5, Gen.Select(shopper, Coupon(CouponFilter.PointsCardByHolder), (s, c) => (Op)new RedeemPointsOp(s, c))),
            (4, Gen.Select(shopper, Gen.OneOf(40, 100), (s, p) => (Op)new CreditOp(s, p))),
        ];
        return recycling ? Gen.Frequency([.. operations, (1, Gen.Const((Op)new RecycleTickOp()))]) : Gen.Frequency(operations);
    }

    // Mostly the kind of coupon the operation is about; now and then any coupon at all (someone else's).
    private static Gen<CouponPick> Coupon(CouponFilter usual) =>
        Gen.Select(Gen.Int[0, 6].Select(roll => roll == 0 ? CouponFilter.Any : usual), Gen.Int[0, 7], (filter, index) => new CouponPick(filter, index));

    private static Gen<OrderPick> Order(bool forRefund) =>
        Gen.Select(forRefund
                ? Gen.Frequency((14, OrderSource.Own), (3, OrderSource.Foreign), (1, OrderSource.Never))
                : Gen.Frequency((9, OrderSource.New), (8, OrderSource.Own), (2, OrderSource.Foreign)),
            Gen.Int[0, 3], (source, index) => new OrderPick(source, source == OrderSource.New ? index % 2 : index));

    private static Gen<AmountPick> Amount =>
        Gen.Select(Gen.Int[0, 9].Select(roll => roll < 7), Gen.Int[0, AmountPick.Amounts.Length - 1], (same, palette) => new AmountPick(same, palette));
}
