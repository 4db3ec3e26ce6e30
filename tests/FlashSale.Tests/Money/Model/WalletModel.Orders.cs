namespace FlashSale.Tests.Money.Model;

public sealed partial class WalletModel
{
    /// <summary>
    /// <c>POST /api/me/coupons/{id}/redeem</c>: only a coupon the shopper holds, on the shopper's own order; or, replayed,
    /// one this order already used, though given away since.
    /// </summary>
    public Outcome Redeem(string shopper, Guid couponId, string orderId, decimal amount, string currency, Moment at) =>
        _coupons.GetValueOrDefault(couponId) is { } coupon
        && (coupon.Holder == shopper || UseOf(ShopperScope(shopper), orderId, u => u.Coupon == couponId) is not null)
            ? Use(ShopperScope(shopper), coupon, shopper, orderId, amount, currency, at)
            : Outcome.NotFound("coupon_not_found");

    /// <summary>
    /// <c>POST /api/merchant/redemptions</c>: by code, only coupons of the till's merchant's campaigns, on the merchant's order.
    /// A retry finds its order's use by the code the coupon carried then, though a transfer has changed it since.
    /// </summary>
    public Outcome TillRedeem(string till, string merchantId, string code, string orderId, decimal amount, string currency, Moment at) =>
        (UseOf(MerchantScope(merchantId), orderId, u => u.Code == code) is { } used ? _coupons[used.Coupon] : _coupons.Values.FirstOrDefault(c => c.Code == code))
        is { } coupon && _campaigns[coupon.Campaign].MerchantId == merchantId
            ? Use(MerchantScope(merchantId), coupon, till, orderId, amount, currency, at)
            : Outcome.NotFound("coupon_not_found");

    private ModelUse? UseOf(string scope, string orderId, Func<ModelUse, bool> names) =>
        _orders.GetValueOrDefault((scope, orderId))?.Uses.FirstOrDefault(names);

    /// <summary>
    /// <c>POST /api/me/checkout</c> with coupon ids: all or none, on a new order of the shopper; an
    /// order that exists is replayed when it is the same set, amount and currency and not refunded.
    /// </summary>
    public Outcome Checkout(string shopper, IReadOnlyList<Guid> couponIds, string orderId, decimal amount, string currency, Moment at)
    {
        var scope = ShopperScope(shopper);
        if (_orders.TryGetValue((scope, orderId), out var earlier))
        {
            var same = earlier.Matches(amount, currency) && earlier.Uses.All(u => !u.Refunded)
                && earlier.Uses.Select(u => u.Coupon).ToHashSet().SetEquals(couponIds);
            return same ? Outcome.Ok(CheckoutDetail(earlier, replayed: true)) : Outcome.Conflict("order_conflict");
        }

        // Judged in id order, as the coupons are locked.
        var coupons = new List<ModelCoupon>();
        foreach (var id in couponIds.Order())
        {
            if (_coupons.GetValueOrDefault(id) is not { } coupon || coupon.Holder != shopper)
            {
                return Outcome.NotFound("coupon_not_found", $"coupon={id}");
            }

            if (Refusal(coupon, amount, currency, at.Now) is { } refusal)
            {
                return refusal with { Detail = $"coupon={id}" };
            }

            coupons.Add(coupon);
        }

        if (coupons.Count > MaxCouponsPerOrder)
        {
            return Outcome.Conflict("order_coupon_limit");
        }

        if (Clash(coupons) is { } clash)
        {
            return Outcome.Conflict("not_stackable", $"coupon={clash.Id}");
        }

        var applied = Split(coupons, amount);
        if (applied.FirstOrDefault(a => a.Discount <= 0) is { Coupon: not null } idle)
        {
            return Outcome.Conflict("nothing_to_discount", $"coupon={idle.Coupon.Id}");
        }

        if (Discrepancies.Tolerate(Discrepancies.OrderIdOncePerCoupon) && applied.Any(a => UsedOnOrderId(a.Coupon, orderId)))
        {
            Note(Discrepancies.OrderIdOncePerCoupon);
            return Outcome.Conflict("order_conflict");
        }

        foreach (var (coupon, discount) in applied)
        {
            Record(scope, orderId, amount, currency, coupon, discount, shopper);
        }

        return Outcome.Ok(CheckoutDetail(_orders[(scope, orderId)], replayed: false));
    }

    /// <summary>
    /// <c>POST /api/me/orders/{orderId}/refund</c> and <c>/api/merchant/orders/{orderId}/refund</c>:
    /// only an order of the caller's scope; every standing use is cancelled, single-use coupons come
    /// back, gift cards get back exactly what the order took (M3); the order is closed for good.
    /// </summary>
    public Outcome Refund(string scope, string orderId, string refundedBy, Moment at)
    {
        if (!_orders.TryGetValue((scope, orderId), out var order))
        {
            return Outcome.NotFound("order_not_found");
        }

        if (!order.Standing.Any())
        {
            return Outcome.Conflict("already_refunded");
        }

        var refunded = new List<string>();
        for (var i = 0; i < order.Uses.Count; i++)
        {
            var use = order.Uses[i];
            if (use.Refunded)
            {
                continue;
            }

            order.Uses[i] = use with { RefundedBy = refundedBy };
            var coupon = _coupons[use.Coupon];
            if (coupon.Kind == Kind.Giftcard)
            {
                coupon.Balance += use.Discount;
            }
            else
            {
                coupon.Used = false;
            }

            refunded.Add($"{coupon.Id}:{Outcome.Money(use.Discount)}:{coupon.StatusAt(at.Now).ToString().ToLowerInvariant()}:{GiftBalance(coupon)}");
        }

        order.Refunded = true;
        return Outcome.Ok($"refunded=[{string.Join(' ', refunded.Order(StringComparer.Ordinal))}]");
    }

    // The rules every route that adds a coupon to an order obeys (M1), in the order the order book judges them.
    private Outcome Use(string scope, ModelCoupon coupon, string by, string orderId, decimal amount, string currency, Moment at)
    {
        var now = at.Now;
        var order = _orders.GetValueOrDefault((scope, orderId));
        if (order?.Uses.FirstOrDefault(u => u.Coupon == coupon.Id) is { } again)
        {
            if (at.Stale && _newInStep.Contains((scope, orderId)) && Discrepancies.Tolerate(Discrepancies.ConcurrentFirstUse))
            {
                Note(Discrepancies.ConcurrentFirstUse);
                return Refusal(coupon, amount, currency, now)
                    ?? (Math.Min(coupon.Balance, amount) <= 0 ? Outcome.Conflict("nothing_to_discount") : Outcome.Conflict("order_conflict"));
            }

            return !again.Refunded && order.Matches(amount, currency)
                ? Outcome.Ok(UseDetail(coupon, again.Discount, replayed: true))
                : Outcome.Conflict("order_conflict");
        }

        if (order is not null && !order.Matches(amount, currency))
        {
            return Outcome.Conflict("order_conflict");
        }

        if (Refusal(coupon, amount, currency, now) is { } refusal)
        {
            return refusal;
        }

        var standing = order?.Standing.ToList() ?? [];
        if (standing.Count >= MaxCouponsPerOrder)
        {
            return Outcome.Conflict("order_coupon_limit");
        }

        if (standing.Count > 0 && (!Stackable(coupon) || standing.Any(u => !u.Stackable || u.Campaign == coupon.Campaign)))
        {
            return Outcome.Conflict("not_stackable");
        }

        var off = coupon.Kind == Kind.Giftcard ? coupon.Balance : DiscountOf(coupon, amount);
        var discount = Math.Min(off, amount - standing.Sum(u => u.Discount));
        if (discount <= 0)
        {
            return Outcome.Conflict("nothing_to_discount");
        }

        if (Discrepancies.Tolerate(Discrepancies.OrderIdOncePerCoupon) && UsedOnOrderId(coupon, orderId))
        {
            Note(Discrepancies.OrderIdOncePerCoupon);
            return Outcome.Conflict("order_conflict");
        }

        Record(scope, orderId, amount, currency, coupon, discount, by);
        return Outcome.Ok(UseDetail(coupon, discount, replayed: false));
    }

    private Outcome? Refusal(ModelCoupon coupon, decimal amount, string currency, DateTimeOffset now) =>
        Unusable(coupon, now)
        ?? (coupon.Kind == Kind.Points ? Outcome.Conflict("points_card")
            : currency != "CNY" ? Outcome.Unprocessable("currency_mismatch")
            : coupon.Kind == Kind.Threshold && amount < _campaigns[coupon.Campaign].Spec.Extra ? Outcome.Conflict("below_min_spend")
            : null);

    /// <summary>
    /// Fixed and threshold: amountOff; percent: the percentage rounded half away from zero to the
    /// cent, capped at maxDiscount; gift cards: the balance. Never more than the amount.
    /// </summary>
    private decimal DiscountOf(ModelCoupon coupon, decimal amount)
    {
        var spec = _campaigns[coupon.Campaign].Spec;
        var off = spec.Kind switch
        {
            Kind.Fixed or Kind.Threshold => spec.Value,
            Kind.Percent => Math.Min(decimal.Round(amount * spec.Value / 100m, 2, MidpointRounding.AwayFromZero), spec.Extra ?? decimal.MaxValue),
            Kind.Giftcard => coupon.Balance,
            _ => 0m,
        };
        return Math.Min(off, amount);
    }

    private bool Stackable(ModelCoupon coupon) => _campaigns[coupon.Campaign].Spec.Stackable;

    // An exclusive coupon goes alone; two coupons of one campaign never share an order.
    private ModelCoupon? Clash(List<ModelCoupon> coupons) =>
        coupons.Count < 2 ? null
        : coupons.FirstOrDefault(c => !Stackable(c)) ?? coupons.GroupBy(c => c.Campaign).FirstOrDefault(g => g.Count() > 1)?.Skip(1).First();

    // Discounts first, larger first, each against the amount and capped by what is left; gift cards after, earliest expiry first.
    private List<(ModelCoupon Coupon, decimal Discount)> Split(List<ModelCoupon> coupons, decimal amount)
    {
        var applied = new List<(ModelCoupon, decimal)>();
        var left = amount;
        var discounts = coupons.Where(c => c.Kind != Kind.Giftcard).OrderByDescending(c => DiscountOf(c, amount));
        var cards = coupons.Where(c => c.Kind == Kind.Giftcard).OrderBy(c => c.ExpiresAt);
        foreach (var coupon in discounts.Concat(cards))
        {
            var off = Math.Min(coupon.Kind == Kind.Giftcard ? coupon.Balance : DiscountOf(coupon, amount), left);
            applied.Add((coupon, off));
            left -= off;
        }

        return applied;
    }

    private void Record(string scope, string orderId, decimal amount, string currency, ModelCoupon coupon, decimal discount, string by)
    {
        if (!_orders.TryGetValue((scope, orderId), out var order))
        {
            _orders[(scope, orderId)] = order = new ModelOrder(scope, orderId, amount, currency);
            _newInStep.Add((scope, orderId));
        }

        order.Uses.Add(new ModelUse(coupon.Id, coupon.Campaign, Stackable(coupon), discount, by, coupon.Code));
        if (coupon.Kind == Kind.Giftcard)
        {
            coupon.Balance -= discount;
            coupon.EverSpent = true;
        }
        else
        {
            coupon.Used = true;
            coupon.EverUsed = true;
        }
    }

    // The coupon was used on an order of this id in any scope, refunded or not.
    private bool UsedOnOrderId(ModelCoupon coupon, string orderId) =>
        _orders.Values.Any(o => o.Id == orderId && o.Uses.Any(u => u.Coupon == coupon.Id));

    private static string GiftBalance(ModelCoupon coupon) => coupon.Kind == Kind.Giftcard ? Outcome.Money(coupon.Balance) : "-";

    private static string UseDetail(ModelCoupon coupon, decimal discount, bool replayed) =>
        $"coupon={coupon.Id} discount={Outcome.Money(discount)} balance={GiftBalance(coupon)}{(replayed ? " replayed" : "")}";

    private string CheckoutDetail(ModelOrder order, bool replayed) =>
        $"uses=[{string.Join(' ', order.Uses.Select(u => $"{u.Coupon}:{Outcome.Money(u.Discount)}:{GiftBalance(_coupons[u.Coupon])}").Order(StringComparer.Ordinal))}]"
        + (replayed ? " replayed" : "");
}
