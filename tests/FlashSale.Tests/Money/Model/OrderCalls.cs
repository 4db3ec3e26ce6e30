using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Money.Model;

/// <summary>A use of one coupon on an order, by a shopper or at a till: its answer names the coupon, the discount and a gift card's balance.</summary>
public abstract record UseCall : Call
{
    public override Outcome Observe(Answer answer) => Succeeded(answer)
        ? new Outcome((int)answer.Status, null,
            $"coupon={Text(answer.Body, "couponId")} discount={Outcome.Money(Number(answer.Body, "discount"))} balance={Outcome.Money(Number(answer.Body, "balanceLeft"))}"
            + (answer.Replayed ? " replayed" : ""))
        : Refusal(answer);
}

/// <summary><c>POST /api/me/coupons/{id}/redeem</c>.</summary>
public sealed record RedeemCall(int Shopper, string ShopperId, Guid Coupon, string OrderId, decimal Amount, string Currency) : UseCall
{
    public override Task<Answer> SendAsync(Stage stage) =>
        PostAsync(stage.ShopperClients[Shopper], $"/api/me/coupons/{Coupon}/redeem", new { orderId = OrderId, amount = Amount, currency = Currency });

    public override Outcome Expect(WalletModel model, Moment at, Answer answer) => model.Redeem(ShopperId, Coupon, OrderId, Amount, Currency, at);

    public override void Learn(Registry registry, Answer answer) => registry.Named(WalletModel.ShopperScope(ShopperId), OrderId, Amount);

    public override string ToString() => $"redeem {ShopperId} coupon={Coupon} order={OrderId} {Amount} {Currency}";
}

/// <summary><c>POST /api/merchant/redemptions</c>: a till redeems the code a shopper shows.</summary>
public sealed record TillRedeemCall(int Till, string TillId, string MerchantId, string Code, string OrderId, decimal Amount, string Currency) : UseCall
{
    public override Task<Answer> SendAsync(Stage stage) =>
        PostAsync(stage.TillClients[Till], "/api/merchant/redemptions", new { code = Code, orderId = OrderId, amount = Amount, currency = Currency });

    public override Outcome Expect(WalletModel model, Moment at, Answer answer) =>
        model.TillRedeem(TillId, MerchantId, Code, OrderId, Amount, Currency, at);

    public override void Learn(Registry registry, Answer answer) => registry.Named(WalletModel.MerchantScope(MerchantId), OrderId, Amount);

    public override string ToString() => $"till {TillId} code={Code} order={OrderId} {Amount} {Currency}";
}

/// <summary><c>POST /api/me/checkout</c> with a set of coupons.</summary>
public sealed record CheckoutCall(int Shopper, string ShopperId, Guid[] Coupons, string OrderId, decimal Amount, string Currency) : Call
{
    public override Task<Answer> SendAsync(Stage stage) =>
        PostAsync(stage.ShopperClients[Shopper], "/api/me/checkout", new { orderId = OrderId, amount = Amount, currency = Currency, couponIds = Coupons });

    public override Outcome Observe(Answer answer)
    {
        if (!Succeeded(answer))
        {
            return Refusal(answer, Text(answer.Body, "couponId") is { } coupon ? $"coupon={coupon}" : "");
        }

        var uses = answer.Body.GetProperty("redemptions").EnumerateArray()
            .Select(r => $"{Text(r, "couponId")}:{Outcome.Money(Number(r, "discount"))}:{Outcome.Money(Number(r, "balanceLeft"))}")
            .Order(StringComparer.Ordinal);
        return Outcome.Ok($"uses=[{string.Join(' ', uses)}]{(answer.Replayed ? " replayed" : "")}") with { Status = (int)answer.Status };
    }

    public override Outcome Expect(WalletModel model, Moment at, Answer answer) => model.Checkout(ShopperId, Coupons, OrderId, Amount, Currency, at);

    public override void Learn(Registry registry, Answer answer) => registry.Named(WalletModel.ShopperScope(ShopperId), OrderId, Amount);

    public override string ToString() => $"checkout {ShopperId} coupons=[{string.Join(", ", Coupons)}] order={OrderId} {Amount} {Currency}";
}

/// <summary>
/// <c>POST /api/me/orders/{orderId}/refund</c> (a shopper, <paramref name="Till"/> null) or
/// <c>/api/merchant/orders/{orderId}/refund</c> (till <paramref name="Till"/>).
/// </summary>
public sealed record RefundCall(int? Till, int Shopper, string PartyId, string Scope, string OrderId) : Call
{
    public override Task<Answer> SendAsync(Stage stage) => Till is { } till
        ? PostAsync(stage.TillClients[till], $"/api/merchant/orders/{Uri.EscapeDataString(OrderId)}/refund", null)
        : PostAsync(stage.ShopperClients[Shopper], $"/api/me/orders/{Uri.EscapeDataString(OrderId)}/refund", null);

    public override Outcome Observe(Answer answer)
    {
        if (!Succeeded(answer))
        {
            return Refusal(answer);
        }

        var uses = answer.Body.GetProperty("refunded").EnumerateArray()
            .Select(r => $"{Text(r, "couponId")}:{Outcome.Money(Number(r, "discount"))}:{Text(r, "status")}:{Outcome.Money(Number(r, "balance"))}")
            .Order(StringComparer.Ordinal);
        return Outcome.Ok($"refunded=[{string.Join(' ', uses)}]") with { Status = (int)answer.Status };
    }

    public override Outcome Expect(WalletModel model, Moment at, Answer answer) => model.Refund(Scope, OrderId, PartyId, at);

    public override string ToString() => $"refund by {PartyId} order={OrderId}";
}
