using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Money.Model;

/// <summary><c>POST /api/me/coupons/{id}/transfer</c>.</summary>
public sealed record TransferCall(int Shopper, string ShopperId, Guid Coupon, string To) : Call
{
    public override Task<Answer> SendAsync(Stage stage) =>
        PostAsync(stage.ShopperClients[Shopper], $"/api/me/coupons/{Coupon}/transfer", new { to = To });

    public override Outcome Observe(Answer answer) => Succeeded(answer) ? new Outcome((int)answer.Status) : Refusal(answer);

    public override Outcome Expect(WalletModel model, Moment at, Answer answer) => model.Transfer(ShopperId, Coupon, To, at);

    public override void Learn(Registry registry, Answer answer)
    {
        if (Succeeded(answer))
        {
            registry.Transferred(Coupon, ShopperId, To);
        }
    }

    public override string ToString() => $"transfer {ShopperId} coupon={Coupon} to={To}";
}

/// <summary><c>POST /api/me/coupons/{id}/redeem-points</c>.</summary>
public sealed record RedeemPointsCall(int Shopper, string ShopperId, Guid Coupon) : Call
{
    public override Task<Answer> SendAsync(Stage stage) => PostAsync(stage.ShopperClients[Shopper], $"/api/me/coupons/{Coupon}/redeem-points", null);

    public override Outcome Observe(Answer answer) => Succeeded(answer)
        ? new Outcome((int)answer.Status, null, $"credited={Text(answer.Body, "credited")} balance={Text(answer.Body, "balance")}")
        : Refusal(answer);

    public override Outcome Expect(WalletModel model, Moment at, Answer answer) => model.RedeemPoints(ShopperId, Coupon, at);

    public override string ToString() => $"redeem-points {ShopperId} coupon={Coupon}";
}

/// <summary><c>POST /api/admin/points</c>.</summary>
public sealed record CreditCall(string ShopperId, int Points) : Call
{
    public override Task<Answer> SendAsync(Stage stage) =>
        PostAsync(stage.Admin, "/api/admin/points", new { shopperId = ShopperId, points = Points, note = "model-based test" });

    public override Outcome Observe(Answer answer) => Succeeded(answer)
        ? new Outcome((int)answer.Status, null, $"balance={Text(answer.Body, "balance")}")
        : Refusal(answer);

    public override Outcome Expect(WalletModel model, Moment at, Answer answer) => model.Credit(ShopperId, Points);

    public override string ToString() => $"credit {ShopperId} {Points}";
}
