using FlashSale.FaultInjection.Load;
using static FlashSale.FaultInjection.Money.MoneyRoutes;

namespace FlashSale.FaultInjection.Money;

/// <summary>
/// One shopper's money during the faults, step by step: points credited, coupons of every money
/// campaign claimed (some keys sent to both nodes at once, one key reused on another campaign), then
/// used by tills and by the shopper, racing one another on one order and on one coupon, refunded by
/// the right and the wrong party, given away, turned into points. Requests that must be refused are
/// marked as probes; everything else is judged by the money rules against PostgreSQL.
/// </summary>
public sealed partial class ShopperFlow(MoneyHistory money, ClaimsUntilAnswered claims, Sale sale, string run, int number)
{
    // A1, A2: stackable ¥20 (same campaign); B1: ¥15 from ¥100; X1: exclusive ¥50; G1: ¥100 gift card; P1: points card;
    // Q1, Q2: ¥10 bought with points; M1: another merchant's ¥30; E1: ¥5 for 3 seconds.
    private static readonly string[] Labels = ["A1", "A2", "B1", "X1", "G1", "P1", "Q1", "Q2", "M1", "E1"];

    private readonly string _shopper = $"ms-{run}-{number}";
    private readonly string _recipient = $"mr-{run}-{number}";
    private readonly Dictionary<string, Claimed> _coupons = [];
    private readonly HashSet<Guid> _used = [];

    private MoneyCampaigns Money => sale.Money;

    public async Task RunAsync(CancellationToken stop)
    {
        Func<Task>[] steps =
        [
            CreditAsync, ClaimAsync, ReuseKeyAsync, TillRacesAsync, ShopperOrderAsync, DoubleUseAsync, CheckoutAsync, RefundsAsync,
            OtherMerchantAsync, GiftCardAsync, PointsCardAsync, ExpiringAsync,
        ];
        foreach (var step in steps)
        {
            if (stop.IsCancellationRequested)
            {
                return;
            }

            await step();
        }
    }

    private async Task CreditAsync()
    {
        var credit = Credit(_shopper, 2 * MoneyCampaigns.Price, $"credit-{run}-{number}");
        await (number % 2 == 0 ? (Task)money.TwinAsync(credit) : money.SendAsync(credit, number));
        if (number % 4 == 1)
        {
            await money.SendAsync(Credit(_shopper, 7, credit.Key!) with { Probe = new("M2", "a credit's key used for another credit", "idempotency_key_reused") },
                number + 1);
        }
    }

    private async Task ClaimAsync()
    {
        var answers = await Task.WhenAll(Labels.Select(async (label, i) =>
        {
            var claim = new ClaimRequest(CampaignOf(label).Id, _shopper, $"mdev-{run}-{number}", $"mk-{run}-{number}-{label}", IsReplay: false);
            return (label, answer: label is "A1" or "G1" ? await claims.TwinAsync(claim) : await claims.ClaimAsync(claim, number + i));
        }));
        foreach (var (label, answer) in answers)
        {
            if (answer is { Outcome: Outcome.Acknowledged, CouponId: { } id })
            {
                _coupons[label] = new Claimed(id, answer.Code, answer.Request);
            }
        }
    }

    /// <summary>The shopper's key of a coupon they hold, sent to another campaign: refused 422, whatever else that campaign is writing.</summary>
    private async Task ReuseKeyAsync()
    {
        if (Coupon("A1") is { } a1)
        {
            await claims.ClaimAsync(a1.Claim with { CampaignId = sale.Plenty.Id, ReusedFrom = a1.Claim.CampaignId }, number);
        }
    }

    private SaleCampaign CampaignOf(string label) => label[0] switch
    {
        'A' => Money.Stackable,
        'B' => Money.Threshold,
        'X' => Money.Exclusive,
        'G' => Money.GiftCard,
        'P' => Money.PointsCard,
        'Q' => Money.PointsPriced,
        'M' => Money.OtherMerchant,
        _ => Money.Expiring,
    };

    private string Order(string label) => $"o-{run}-{number}-{label}";

    private Claimed? Coupon(string label) => _coupons.GetValueOrDefault(label);

    /// <summary>A coupon of the shopper's that no acknowledged use in this flow has taken yet.</summary>
    private Claimed? Free(string label) => Coupon(label) is { } coupon && !_used.Contains(coupon.CouponId) ? coupon : null;

    private void Note((MoneyOp First, MoneyOp Second) both) => Note(both.First, both.Second);

    private void Note(params MoneyOp[] ops)
    {
        foreach (var op in ops.Where(o => o.Acknowledged))
        {
            _used.UnionWith(op.Request.Coupons);
        }
    }
}
