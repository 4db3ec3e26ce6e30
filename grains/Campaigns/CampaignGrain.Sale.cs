using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Claims;
using FlashSale.GrainInterfaces.Sales;

namespace FlashSale.Grains.Campaigns;

/// <summary>
/// A paid sale's side of the campaign grain: each committed claim is an order holding its unit, whose
/// answer carries the order, never the coupon's code (the shopper has not paid for it yet). The
/// ledger settles orders; the grain only counts what it is told, to show issued, held and remaining.
/// </summary>
public sealed partial class CampaignGrain
{
    private SaleCounts _sale = SaleCounts.None;

    /// <summary>The deadline last told to the deadlines grain: until it passes, that grain has a look due by then.</summary>
    private DateTimeOffset _deadlineTold = DateTimeOffset.MinValue;

    /// <summary>Units held by orders waiting for payment.</summary>
    private int Held => Definition?.Sale is null ? 0 : Admission.Committed - _sale.Paid - _sale.Lapsed;

    /// <summary>Coupons issued: on a paid sale, the paid orders less those refunded with their unit given back.</summary>
    private int Issued => Definition?.Sale is null ? Admission.Committed : _sale.Paid - _sale.RefundsReturned;

    public async Task SaleSettled(SaleCounts counts, int stock)
    {
        _sale = _sale.Max(counts);
        await Restock(stock);
        PublishSoon();
    }

    /// <summary>Committed orders wait until their deadline: the deadlines grain hears of it unless a look is already due before.</summary>
    private void OrdersCommitted(IReadOnlyList<AdmittedClaim> batch)
    {
        if (Definition?.Sale is not { } sale || _deadlineTold >= clock.GetUtcNow())
        {
            return;
        }

        _deadlineTold = batch[0].Coupon.IssuedAt + sale.PaymentWindow;
        GrainFactory.GetGrain<ISaleDeadlinesGrain>(Definition.Id).Due(_deadlineTold).Ignore();
    }

    /// <summary>Before a paid sale's first order can commit (and again on every activation): its deadlines are watched.</summary>
    private Task WatchDeadlinesAsync() =>
        Definition?.Sale is null ? Task.CompletedTask : GrainFactory.GetGrain<ISaleDeadlinesGrain>(Definition.Id).Watch();

    private Task<ClaimResult> AsOrder(Task<ClaimResult> answer) => Definition?.Sale is { } sale ? AsOrderAsync(answer, sale) : answer;

    private async Task<ClaimResult> AsOrderAsync(Task<ClaimResult> answer, PaidSale sale)
    {
        var result = await answer;
        if (result.Coupon is not { } coupon || result.Outcome is not (ClaimOutcome.Issued or ClaimOutcome.Replayed))
        {
            return result;
        }

        var order = new PlacedOrder(coupon.CouponId, Definition!.CashPriceFen!.Value, Definition.PointsPrice, coupon.IssuedAt + sale.PaymentWindow);
        return result with
        {
            Outcome = result.Outcome == ClaimOutcome.Issued ? ClaimOutcome.Ordered : ClaimOutcome.Replayed,
            Coupon = coupon with { Code = null },
            Order = order,
        };
    }
}
