using FlashSale.FaultInjection.Load;
using static FlashSale.FaultInjection.Money.MoneyRoutes;

namespace FlashSale.FaultInjection.Money;

/// <summary>A shopper's flow, its orders: races on one order and on one coupon, replays, a checkout, refunds by every party.</summary>
public sealed partial class ShopperFlow
{
    /// <summary>Two tills of one merchant on one order at once: an exclusive coupon against a stackable one, and two discounts against a small amount.</summary>
    private async Task TillRacesAsync()
    {
        var (first, second) = (Staff.Tills[0], Staff.Tills[1]);
        if (Free("X1") is { } x1 && Free("A1") is { } a1)
        {
            Note(await money.RaceAsync(TillRedeem(first, x1, Order("T1"), 120), TillRedeem(second, a1, Order("T1"), 120)));
        }

        if (Free("A2") is { } a2 && Free("Q1") is { } q1)
        {
            Note(await money.RaceAsync(TillRedeem(first, a2, Order("T2"), 25), TillRedeem(second, q1, Order("T2"), 25)));
        }
    }

    /// <summary>The shopper's own order: a redemption sent to both nodes at once, its amount changed, more coupons added.</summary>
    private async Task ShopperOrderAsync()
    {
        if (Free("B1") is not { } b1)
        {
            return;
        }

        var (first, second) = await money.TwinAsync(Redeem(_shopper, b1.CouponId, Order("O1"), 150));
        Note(first, second);
        await money.SendAsync(Redeem(_shopper, b1.CouponId, Order("O1"), 151) with
        {
            Probe = new("M1", "an order's coupon again with another amount", "order_conflict"),
        }, number);
        foreach (var label in new[] { "A1", "X1" })
        {
            if (Free(label) is { } more)
            {
                Note(await money.SendAsync(Redeem(_shopper, more.CouponId, Order("O1"), 150), number));
            }
        }
    }

    /// <summary>One coupon used at once by its shopper and by a till that scanned its code: one use stands.</summary>
    private async Task DoubleUseAsync()
    {
        if (Free("Q2") is { } q2)
        {
            Note(await money.RaceAsync(Redeem(_shopper, q2.CouponId, Order("O3"), 150), TillRedeem(Staff.Tills[0], q2, Order("T3"), 150)));
        }
    }

    /// <summary>Whatever discounts are left, in one checkout: all or none (two of one campaign, or an exclusive with others, are refused).</summary>
    private async Task CheckoutAsync()
    {
        var left = new[] { "A1", "A2", "Q1", "X1" }.Select(Free).OfType<Claimed>().Select(c => c.CouponId).ToArray();
        if (left.Length > 0)
        {
            Note(await money.SendAsync(Checkout(_shopper, Order("O4"), 60, left), number));
        }
    }

    /// <summary>Cancelling: first by parties that did not make the order (refused), then by those that did, twice at once.</summary>
    private async Task RefundsAsync()
    {
        await money.SendAsync(ShopperRefund(_shopper, Order("T1")) with { Probe = new("M5", "a shopper cancelling a till's order", "order_not_found") }, number);
        await money.SendAsync(TillRefund(Staff.Tills[0], Order("O1")) with { Probe = new("M5", "a till cancelling a shopper's order", "order_not_found") },
            number + 1);
        await money.TwinAsync(TillRefund(Staff.Tills[1], Order("T1")));
        await money.SendAsync(TillRefund(Staff.Tills[0], Order("T3")), number);
        await money.SendAsync(ShopperRefund(_shopper, Order("O3")), number + 1);
        if (number % 2 == 0)
        {
            await money.SendAsync(ShopperRefund(_shopper, Order("O1")), number);
        }
    }
}
