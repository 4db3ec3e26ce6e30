using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Money.Model;

/// <summary><c>POST /api/campaigns/{id}/claims</c> with a key: a new one, or one sent before.</summary>
public sealed record ClaimCall(int Shopper, string ShopperId, Guid Campaign, string Key) : Call
{
    public override async Task<Answer> SendAsync(Stage stage)
    {
        using var request = Infrastructure.Api.ClaimRequest(Campaign, Key, deviceId: "phone-" + ShopperId);
        return await Answer.Of(await stage.ShopperClients[Shopper].SendAsync(request));
    }

    public override Outcome Observe(Answer answer)
    {
        if (!Succeeded(answer))
        {
            return Refusal(answer);
        }

        var code = Text(answer.Body, "code");
        var givenAway = Text(answer.Body, "givenAway") == "true";
        return answer.Replayed
            ? new Outcome((int)answer.Status, null, $"replayed coupon={Text(answer.Body, "couponId")} code={code ?? "-"} givenAway={givenAway}")
            : new Outcome((int)answer.Status, null, code is not (null or "null") && !givenAway ? "issued a new coupon" : $"issued code={code} givenAway={givenAway}");
    }

    public override Outcome Expect(WalletModel model, Moment at, Answer answer) =>
        model.Claim(ShopperId, Campaign, Key, at, Facts(answer));

    public override void Learn(Registry registry, Answer answer)
    {
        if (Succeeded(answer) && Facts(answer) is { } issued)
        {
            registry.Issued(issued.CouponId, issued.Code);
        }

        if (Succeeded(answer) && Text(answer.Body, "code") is { } code && code != "null")
        {
            registry.Saw(ShopperId, answer.Body.GetProperty("couponId").GetGuid(), code);
        }
    }

    public override Guid? Restockable(WalletModel model) => model.Campaign(Campaign).Spec.Recycles ? Campaign : null;

    public override string ToString() => $"claim {ShopperId} campaign={Campaign} key={Key}";

    // A new coupon's facts: only a first answer (a replay's coupon is known already).
    private static IssuedFacts? Facts(Answer answer) =>
        Succeeded(answer) && !answer.Replayed && Text(answer.Body, "code") is { } code && code != "null"
            ? new IssuedFacts(answer.Body.GetProperty("couponId").GetGuid(), code, answer.Body.GetProperty("expiresAt").GetDateTimeOffset())
            : null;
}
