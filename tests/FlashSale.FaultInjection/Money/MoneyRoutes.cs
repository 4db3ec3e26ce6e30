using System.Text.Json;
using FlashSale.FaultInjection.Load;

namespace FlashSale.FaultInjection.Money;

/// <summary>The money requests, as the API documents them (README, "The API"); every amount in CNY.</summary>
public static class MoneyRoutes
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static MoneyRequest Redeem(string shopper, Guid coupon, string orderId, decimal amount) =>
        new(MoneyRoute.Redeem, Actor.Shopper(shopper), $"/api/me/coupons/{coupon}/redeem", Json(new { orderId, amount, currency = "CNY" }))
        {
            OrderId = orderId, Coupons = [coupon], Amount = amount,
        };

    public static MoneyRequest Checkout(string shopper, string orderId, decimal amount, params Guid[] coupons) =>
        new(MoneyRoute.Checkout, Actor.Shopper(shopper), "/api/me/checkout", Json(new { orderId, amount, currency = "CNY", couponIds = coupons }))
        {
            OrderId = orderId, Coupons = coupons, Amount = amount,
        };

    public static MoneyRequest ShopperRefund(string shopper, string orderId) =>
        new(MoneyRoute.ShopperRefund, Actor.Shopper(shopper), $"/api/me/orders/{Uri.EscapeDataString(orderId)}/refund") { OrderId = orderId };

    public static MoneyRequest TillRedeem(Actor till, Claimed coupon, string orderId, decimal amount) =>
        new(MoneyRoute.TillRedeem, till, "/api/merchant/redemptions", Json(new { code = coupon.Code, orderId, amount, currency = "CNY" }))
        {
            OrderId = orderId, Coupons = [coupon.CouponId], Amount = amount,
        };

    public static MoneyRequest TillRefund(Actor till, string orderId) =>
        new(MoneyRoute.TillRefund, till, $"/api/merchant/orders/{Uri.EscapeDataString(orderId)}/refund") { OrderId = orderId };

    public static MoneyRequest Transfer(string shopper, Guid coupon, string to) =>
        new(MoneyRoute.Transfer, Actor.Shopper(shopper), $"/api/me/coupons/{coupon}/transfer", Json(new { to })) { Coupons = [coupon], Recipient = to };

    public static MoneyRequest Credit(string shopper, long points, string key) =>
        new(MoneyRoute.Credit, Staff.Admin, "/api/admin/points", Json(new { shopperId = shopper, points, note = "fault run" }), key)
        {
            Recipient = shopper, Quantity = points,
        };

    public static MoneyRequest PointsCard(string shopper, Guid coupon) =>
        new(MoneyRoute.PointsCard, Actor.Shopper(shopper), $"/api/me/coupons/{coupon}/redeem-points") { Coupons = [coupon] };

    /// <summary>A pause, resume or end.</summary>
    public static MoneyRequest Control(MoneyRoute control, Guid campaign) =>
        new(control, Staff.Marketer, $"/api/campaigns/{campaign}/{control.ToString().ToLowerInvariant()}") { CampaignId = campaign };

    public static MoneyRequest TopUp(Guid campaign, int add, string key) =>
        new(MoneyRoute.TopUp, Staff.Marketer, $"/api/campaigns/{campaign}/stock", Json(new { add }), key) { CampaignId = campaign, Quantity = add };

    private static string Json(object body) => JsonSerializer.Serialize(body, Web);
}

/// <summary>A coupon a claim issued, as its claimer was told: its id and code.</summary>
public sealed record Claimed(Guid CouponId, string Code, ClaimRequest Claim);
