using FlashSale.FaultInjection.Load;
using static FlashSale.FaultInjection.Money.MoneyRoutes;

namespace FlashSale.FaultInjection.Money;

/// <summary>A shopper's flow, beyond one merchant's orders: another merchant's coupon, the gift card and its transfer, the points card, the expiring coupon.</summary>
public sealed partial class ShopperFlow
{
    /// <summary>Another merchant's coupon: refused at this merchant's till, redeemed at its own (at both nodes at once), cancelled by its own.</summary>
    private async Task OtherMerchantAsync()
    {
        if (Coupon("M1") is not { } m1)
        {
            return;
        }

        await money.SendAsync(TillRedeem(Staff.Tills[0], m1, Order("T5"), 80) with
        {
            Probe = new("tenancy", "a till redeeming another merchant's coupon", "coupon_not_found"),
        }, number);
        await money.TwinAsync(TillRedeem(Staff.OtherTills[0], m1, Order("T4"), 80));
        await money.SendAsync(TillRefund(Staff.Tills[0], Order("T4")) with
        {
            Probe = new("M5", "a till cancelling another merchant's order", "order_not_found"),
        }, number + 1);
        if (number % 2 == 0)
        {
            await money.SendAsync(TillRefund(Staff.OtherTills[1], Order("T4")), number);
        }
    }

    /// <summary>
    /// The gift card spent on two orders at once, one refunded; given away while a till spends it; then
    /// the giver's claim replayed (no code), the giver's code refused at a till, and the card spent by its new holder.
    /// </summary>
    private async Task GiftCardAsync()
    {
        if (Coupon("X1") is { } x1)
        {
            await money.SendAsync(Transfer(_shopper, x1.CouponId, _recipient) with
            {
                Probe = new("M4", "a coupon of a campaign without transfers given away", "not_transferable"),
            }, number);
        }

        if (Coupon("G1") is not { } g1)
        {
            return;
        }

        await money.RaceAsync(Redeem(_shopper, g1.CouponId, Order("O6"), 70), TillRedeem(Staff.Tills[0], g1, Order("T6"), 70));
        await money.SendAsync(ShopperRefund(_shopper, Order("O6")), number);
        var (transfer, _) = await money.RaceAsync(Transfer(_shopper, g1.CouponId, _recipient), TillRedeem(Staff.Tills[1], g1, Order("T7"), 20));
        if (!transfer.Acknowledged)
        {
            return;
        }

        await claims.ClaimAsync(g1.Claim with { IsReplay = true }, number);
        await money.SendAsync(TillRedeem(Staff.Tills[0], g1, Order("T8"), 10) with
        {
            Probe = new("M4", "the giver's code at a till after the transfer", "coupon_not_found"),
        }, number + 1);
        await money.SendAsync(Redeem(_recipient, g1.CouponId, Order("R1"), 30), number);
        await money.SendAsync(TillRefund(Staff.Tills[0], Order("T6")), number + 1);
    }

    /// <summary>A points card turned into points at both nodes at once (once only), and its use cancelled (refused).</summary>
    private async Task PointsCardAsync()
    {
        if (Coupon("P1") is not { } p1)
        {
            return;
        }

        await money.TwinAsync(PointsCard(_shopper, p1.CouponId));
        await money.SendAsync(ShopperRefund(_shopper, $"points-card:{p1.CouponId}") with
        {
            Probe = new("M2", "cancelling a points card's use", "order_not_found"),
        }, number);
    }

    /// <summary>Half the 3-second coupons are used (some then refunded) about when they expire; the rest expire and are recycled.</summary>
    private async Task ExpiringAsync()
    {
        if (number % 2 == 0 && Coupon("E1") is { } e1)
        {
            var use = await money.SendAsync(Redeem(_shopper, e1.CouponId, Order("O9"), 30), number);
            if (use.Acknowledged && number % 4 == 0)
            {
                await money.SendAsync(ShopperRefund(_shopper, Order("O9")), number + 1);
            }
        }
    }
}
