namespace FlashSale.Tests.Money.Model;

/// <summary>
/// Turns a generated operation into a call on real ids: indices count among the coupons, keys and
/// order ids the sequence has seen (<see cref="Registry"/>), held and owned as the model has them.
/// </summary>
public sealed class Resolver(Stage stage, Registry registry)
{
    public Call Resolve(Op op, int step, WalletModel model)
    {
        switch (op)
        {
            case ClaimOp claim:
            {
                var shopper = stage.Shoppers[claim.Shopper];
                var campaign = stage.Campaigns[claim.Campaign % stage.Campaigns.Count].Id;
                return new ClaimCall(claim.Shopper, shopper, campaign, registry.NewKey(shopper, campaign));
            }

            case ReplayClaimOp replay:
            {
                var shopper = stage.Shoppers[replay.Shopper];
                if (registry.KeyOf(shopper, replay.Key) is { } earlier)
                {
                    return new ClaimCall(replay.Shopper, shopper, earlier.Campaign, earlier.Key);
                }

                var campaign = stage.Campaigns[replay.Key % stage.Campaigns.Count].Id;
                return new ClaimCall(replay.Shopper, shopper, campaign, registry.NewKey(shopper, campaign));
            }

            case RedeemOp redeem:
            {
                var (coupon, shopper) = Coupon(redeem.Coupon, redeem.Shopper, model);
                var scope = WalletModel.ShopperScope(stage.Shoppers[shopper]);
                var order = Order(redeem.Order, scope, step, model);
                return new RedeemCall(shopper, stage.Shoppers[shopper], coupon, order, Amount(redeem.Amount, scope, order, model), Currency(redeem.OtherCurrency));
            }

            case CheckoutOp checkout:
            {
                // The first coupon decides who checks out; the others are theirs too, unless picked from any.
                var (first, shopper) = Coupon(checkout.Coupons[0], checkout.Shopper, model);
                var id = stage.Shoppers[shopper];
                var theirs = registry.Coupons.Where(c => model.Coupon(c)?.Holder == id).ToList();
                Guid[] coupons =
                [
                    first,
                    .. checkout.Coupons.Skip(1).Select(pick => pick.Filter == CouponFilter.Any || theirs.Count == 0
                        ? Coupon(pick, shopper, model).Coupon
                        : theirs[pick.Index % theirs.Count]),
                ];
                var scope = WalletModel.ShopperScope(id);
                var order = Order(checkout.Order, scope, step, model);
                return new CheckoutCall(shopper, id, [.. coupons.Distinct()], order, Amount(checkout.Amount, scope, order, model),
                    Currency(checkout.OtherCurrency));
            }

            case TillRedeemOp till:
            {
                var merchant = stage.MerchantOfTill(till.Till);
                var scope = WalletModel.MerchantScope(merchant);
                var coupons = registry.Coupons.Where(id => till.Coupon.Filter == CouponFilter.Any || model.Campaign(model.Coupon(id)!.Campaign).MerchantId == merchant)
                    .DefaultIfEmpty(registry.Coupons.FirstOrDefault()).ToList();
                var coupon = coupons[till.Coupon.Index % coupons.Count];
                var old = registry.OldCodesOf(coupon);
                var code = till.OldCode && old.Count > 0 ? old[till.Coupon.Index % old.Count] : registry.CodeOf(coupon) ?? "NO-SUCH-CODE";
                var order = Order(till.Order, scope, step, model);
                return new TillRedeemCall(till.Till, stage.Tills[till.Till], merchant, code, order, Amount(till.Amount, scope, order, model),
                    Currency(till.OtherCurrency));
            }

            case RefundOp refund:
                return Refund(refund, step, model);

            case RecycleTickOp:
                return stage.Campaigns.FirstOrDefault(c => c.Spec.Recycles) is { } recycling
                    ? new RecycleTickCall(recycling.Id, recycling.Spec.Stock)
                    : throw new InvalidOperationException("A recycling tick in a sequence without a recycling campaign.");

            case TransferOp transfer:
            {
                var (coupon, shopper) = Coupon(transfer.Coupon, transfer.Shopper, model);
                return new TransferCall(shopper, stage.Shoppers[shopper], coupon, stage.Shoppers[(shopper + transfer.To) % stage.Shoppers.Length]);
            }

            case RedeemPointsOp points:
            {
                var (coupon, shopper) = Coupon(points.Coupon, points.Shopper, model);
                return new RedeemPointsCall(shopper, stage.Shoppers[shopper], coupon);
            }

            case CreditOp credit:
                return new CreditCall(stage.Shoppers[credit.Shopper], credit.Points);

            default:
                throw new ArgumentOutOfRangeException(nameof(op), op, "An operation the resolver does not know.");
        }
    }

    /// <summary>
    /// The picked coupon, and which shopper acts on it: its holder when the pick says so, else the
    /// operation's own. With no coupon seen yet, an id that does not exist.
    /// </summary>
    private (Guid Coupon, int Shopper) Coupon(CouponPick pick, int shopper, WalletModel model)
    {
        List<Guid> coupons = pick.Filter == CouponFilter.PointsCardByHolder
            ? [.. registry.Coupons.Where(id => model.Coupon(id)!.Kind == Kind.Points)]
            : [];
        if (coupons.Count == 0)
        {
            coupons = [.. registry.Coupons];
        }

        if (coupons.Count == 0)
        {
            return (Guid.CreateVersion7(), shopper);
        }

        var coupon = coupons[pick.Index % coupons.Count];
        return pick.Filter == CouponFilter.Any ? (coupon, shopper) : (coupon, Array.IndexOf(stage.Shoppers, model.Coupon(coupon)!.Holder));
    }

    private RefundCall Refund(RefundOp refund, int step, WalletModel model)
    {
        // Any order the sequence made (or else named), by its owner: the shopper, or one of the merchant's two tills.
        List<(string Scope, string Id)> named = [.. model.Orders.Select(o => (o.Scope, o.Id))];
        if (named.Count == 0)
        {
            named = [.. stage.Scopes.SelectMany(scope => registry.OrdersOf(scope).Select(id => (scope, id)))];
        }

        if (refund.Order.Source == OrderSource.Own && named.Count > 0)
        {
            var (scope, id) = named[refund.Order.Index % named.Count];
            var shopper = Array.IndexOf(stage.Scopes, scope);
            if (shopper < stage.Shoppers.Length)
            {
                return new RefundCall(null, shopper, stage.Shoppers[shopper], scope, id);
            }

            var till = 2 * (shopper - stage.Shoppers.Length) + refund.Party % 2;
            return new RefundCall(till, 0, stage.Tills[till], scope, id);
        }

        if (refund.ByTill)
        {
            var scope = WalletModel.MerchantScope(stage.MerchantOfTill(refund.Party));
            return new RefundCall(refund.Party, 0, stage.Tills[refund.Party], scope, Order(refund.Order, scope, step, model));
        }

        var own = WalletModel.ShopperScope(stage.Shoppers[refund.Party]);
        return new RefundCall(null, refund.Party, stage.Shoppers[refund.Party], own, Order(refund.Order, own, step, model));
    }

    // An own order is one the scope made if it has any, else one it named.
    private string Order(OrderPick pick, string scope, int step, WalletModel model)
    {
        switch (pick.Source)
        {
            case OrderSource.Own when model.Orders.Where(o => o.Scope == scope).Select(o => o.Id).ToList() is { Count: > 0 } made:
                return made[pick.Index % made.Count];
            case OrderSource.Own when registry.OrdersOf(scope) is { Count: > 0 } own:
                return own[pick.Index % own.Count];
            case OrderSource.Foreign when registry.OrdersBesides(scope) is { Count: > 0 } foreign:
                return foreign[pick.Index % foreign.Count];
            case OrderSource.Never:
                return $"never{step}-{stage.Tag}";
            default:
                return $"o{step}.{pick.Index}-{stage.Tag}";
        }
    }

    // The order's own amount (as the model has the order, or as it was first named), or the palette's.
    private decimal Amount(AmountPick pick, string scope, string orderId, WalletModel model) =>
        pick.SameAsOrder && (model.Orders.FirstOrDefault(o => o.Scope == scope && o.Id == orderId)?.Amount ?? registry.AmountOf(orderId)) is { } amount
            ? amount
            : AmountPick.Amounts[pick.Palette];

    private static string Currency(bool other) => other ? "USD" : "CNY";
}
