using FlashSale.GrainInterfaces.Campaigns;

namespace FlashSale.Api.Campaigns;

public sealed record CouponTermsResponse(
    string Kind, string Currency, decimal? AmountOff, decimal? PercentOff, decimal? MaxDiscount, decimal? MinSpend, decimal? CardValue,
    long? Points)
{
    public static CouponTermsResponse Of(CouponTerms terms) =>
        new(KindName(terms.Kind), terms.Currency, terms.AmountOff, terms.PercentOff, terms.MaxDiscount, terms.MinSpend, terms.CardValue, terms.Points);

    public static string KindName(CouponKind kind) => kind.ToString().ToLowerInvariant();
}

public sealed record ValidityResponse(DateTimeOffset? Until, int? Days, TimeSpan? AfterClaim);

/// <param name="TotalStock">The stock now: as created, plus top-ups and recycled coupons; always <c>issued + remaining</c>.</param>
/// <param name="State"><c>draft</c>, <c>scheduled</c>, <c>open</c>, <c>paused</c>, <c>sold_out</c> or <c>ended</c>.</param>
/// <param name="AsOf">When the campaign's grain read the counts.</param>
public sealed record CampaignResponse(
    Guid Id,
    string Name,
    CouponTermsResponse Coupon,
    int TotalStock,
    int PerUserLimit,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    ValidityResponse Validity,
    RiskBody Risk,
    UseBody Use,
    PriceBody? Price,
    bool CardSecrets,
    IReadOnlyList<EarlyAccessBody> EarlyAccess,
    string State,
    int Issued,
    int Remaining,
    DateTimeOffset CreatedAt,
    DateTimeOffset AsOf)
{
    public static CampaignResponse Of(CampaignView view)
    {
        var d = view.Definition;
        return new CampaignResponse(d.Id, d.Name, CouponTermsResponse.Of(d.Terms), view.Issued + view.Remaining, d.PerUserLimit,
            d.StartsAt, d.EndsAt, new ValidityResponse(d.Validity.Until, d.Validity.DaysAfterClaim, d.Validity.AfterClaim),
            new RiskBody(d.RiskOrNone.MaxAccountsPerDevice, d.RiskOrNone.MaxClaimsPerDevice, d.RiskOrNone.MaxClaimsPerDevicePerDay,
                d.RiskOrNone.DailyClaimCap),
            new UseBody(CampaignValidation.TransferName(d.UseOrDefault.Transfer), d.UseOrDefault.Stackable, d.UseOrDefault.Reminders,
                d.UseOrDefault.RecycleExpired),
            d.Price is { } price ? new PriceBody(price.Points, price.Cash) : null,
            d.CardSecrets,
            d.EarlyAccess.IsDefault ? [] : [.. d.EarlyAccess.Select(e => new EarlyAccessBody(e.Tier, e.Lead))],
            view.Phase.Name(),
            view.Issued, view.Remaining, d.CreatedAt, view.AsOf);
    }
}

/// <param name="Next">Pass as <c>after</c> for the next page; absent on the last one.</param>
public sealed record CampaignListResponse(IReadOnlyList<CampaignSummaryResponse> Campaigns, string? Next);

/// <summary>A campaign in a list: what boards, shop pages and marketing lists show; <c>GET /api/campaigns/{id}</c> has the rest.</summary>
/// <param name="State"><c>draft</c>, <c>scheduled</c>, <c>open</c>, <c>paused</c>, <c>sold_out</c> or <c>ended</c>.</param>
public sealed record CampaignSummaryResponse(
    Guid Id, string Name, CouponTermsResponse Coupon, int TotalStock, int Issued, int Remaining, string State, DateTimeOffset StartsAt,
    DateTimeOffset EndsAt, PriceBody? Price, IReadOnlyList<EarlyAccessBody> EarlyAccess)
{
    public static CampaignSummaryResponse Of(CampaignListing c) => new(c.Id, c.Name, CouponTermsResponse.Of(c.Terms), c.TotalStock, c.Issued,
        c.TotalStock - c.Issued, c.State, c.StartsAt, c.EndsAt, c.PricePoints is { } points ? new PriceBody(points, null) : null,
        [.. c.EarlyAccess.Select(e => new EarlyAccessBody(e.Tier, e.Lead))]);
}
