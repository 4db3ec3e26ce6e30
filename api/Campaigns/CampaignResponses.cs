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

/// <param name="TotalStock">
/// The stock now: as created, plus top-ups and recycled coupons; always <c>issued + held + remaining</c>
/// (units of lapsed orders go back to remaining).
/// </param>
/// <param name="Held">On a paid sale: units held by orders waiting for payment; 0 otherwise.</param>
/// <param name="Payment">On a paid sale: its payment window and refund setting; null otherwise.</param>
/// <param name="State"><c>draft</c>, <c>scheduled</c>, <c>open</c>, <c>paused</c>, <c>sold_out</c> or <c>ended</c>.</param>
/// <param name="AsOf">When the campaign's grain read the counts.</param>
/// <param name="Merchant">The merchant the campaign belongs to (tenancy; <c>default</c> before tenancy).</param>
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
    DateTimeOffset AsOf,
    string Merchant,
    IReadOnlyList<UnitResponse>? Batches = null,
    IReadOnlyList<UnitResponse>? Variants = null,
    int Held = 0,
    PaymentBody? Payment = null,
    string? TimeZone = null)
{
    /// <summary>A group with its batches or variants as they are now; its counts are theirs added up.</summary>
    public static async Task<CampaignResponse> OfAsync(CampaignView group, IClusterClient cluster)
    {
        var units = group.Definition.Units;
        var views = await Task.WhenAll(units.Select(u => cluster.GetGrain<ICampaignGrain>(u.CampaignId).Get()));
        var parts = units.Zip(views).Where(p => p.Second is not null).Select(p => UnitResponse.Of(p.First, p.Second!)).ToList();
        var issued = parts.Sum(p => p.Issued);
        var remaining = parts.Sum(p => p.Remaining);
        var response = Of(group) with
        {
            Issued = issued,
            Remaining = remaining,
            TotalStock = issued + remaining,
            State = group.Phase.GroupState([.. parts.Select(p => p.State)], units.Length),
        };

        return units[0].Kind == CampaignUnitKind.Batch ? response with { Batches = parts } : response with { Variants = parts };
    }

    public static CampaignResponse Of(CampaignView view)
    {
        var d = view.Definition;
        return new CampaignResponse(d.Id, d.Name, CouponTermsResponse.Of(d.Terms), view.Issued + view.Held + view.Remaining, d.PerUserLimit,
            d.StartsAt, d.EndsAt, new ValidityResponse(d.Validity.Until, d.Validity.DaysAfterClaim, d.Validity.AfterClaim),
            new RiskBody(d.RiskOrNone.MaxAccountsPerDevice, d.RiskOrNone.MaxClaimsPerDevice, d.RiskOrNone.MaxClaimsPerDevicePerDay,
                d.RiskOrNone.DailyClaimCap),
            new UseBody(CampaignValidation.TransferName(d.UseOrDefault.Transfer), d.UseOrDefault.Stackable, d.UseOrDefault.Reminders,
                d.UseOrDefault.RecycleExpired),
            d.Price is { } price ? new PriceBody(price.Points, price.Cash) : null,
            d.CardSecrets,
            d.EarlyAccess.IsDefault ? [] : [.. d.EarlyAccess.Select(e => new EarlyAccessBody(e.Tier, e.Lead))],
            view.Phase.Name(),
            view.Issued, view.Remaining, d.CreatedAt, view.AsOf, d.Merchant,
            Held: view.Held, Payment: d.Sale is { } sale ? new PaymentBody(sale.PaymentWindow, sale.RefundsReturnStock) : null, TimeZone: d.TimeZone);
    }
}

/// <param name="Next">Pass as <c>after</c> for the next page; absent on the last one.</param>
public sealed record CampaignListResponse(IReadOnlyList<CampaignSummaryResponse> Campaigns, string? Next);

/// <summary>A campaign in a list: what boards, shop pages and marketing lists show; <c>GET /api/campaigns/{id}</c> has the rest.</summary>
/// <param name="Units">How many batches or variants it groups (0: a plain campaign); <c>GET /api/campaigns/{id}</c> lists them.</param>
/// <param name="State"><c>draft</c>, <c>scheduled</c>, <c>open</c>, <c>paused</c>, <c>sold_out</c> or <c>ended</c>.</param>
/// <param name="Held">A paid sale's units held by orders waiting for payment; <c>issued + held + remaining = totalStock</c>.</param>
/// <param name="Payment">A paid sale's payment window; null for other campaigns.</param>
/// <param name="CardSecrets">Its coupons carry card secrets, imported by marketing.</param>
/// <param name="TimeZone">The IANA zone its times are written in on the pages; null: each reader's own.</param>
public sealed record CampaignSummaryResponse(
    Guid Id, string Name, CouponTermsResponse Coupon, int TotalStock, int Issued, int Remaining, string State, DateTimeOffset StartsAt,
    DateTimeOffset EndsAt, PriceBody? Price, IReadOnlyList<EarlyAccessBody> EarlyAccess, int Units, int Held = 0, PaymentBody? Payment = null,
    bool CardSecrets = false, string? TimeZone = null)
{
    public static CampaignSummaryResponse Of(CampaignListing c) => new(c.Id, c.Name, CouponTermsResponse.Of(c.Terms), c.TotalStock, c.Issued,
        c.TotalStock - c.Issued - c.Held, c.State, c.StartsAt, c.EndsAt,
        c.PricePoints is not null || c.CashPriceFen is not null ? new PriceBody(c.PricePoints, c.CashPriceFen / 100m) : null,
        [.. c.EarlyAccess.Select(e => new EarlyAccessBody(e.Tier, e.Lead))], c.Units, c.Held,
        c.PaymentWindow is { } window ? new PaymentBody(window, null) : null, c.CardSecrets, c.TimeZone);
}

/// <param name="CampaignId">The unit's own campaign: its live figures on the hub, its coupons' campaign.</param>
/// <param name="Weight">For variants: the share of shoppers it gets.</param>
public sealed record UnitResponse(
    string Key, string Name, Guid CampaignId, int? Weight, CouponTermsResponse Coupon, int TotalStock, int PerUserLimit, int Issued, int Remaining,
    string State)
{
    public static UnitResponse Of(CampaignUnit unit, CampaignView view) => new(unit.Key, unit.Name, unit.CampaignId,
        unit.Kind == CampaignUnitKind.Variant ? unit.Weight : null, CouponTermsResponse.Of(view.Definition.Terms), view.Issued + view.Remaining,
        view.Definition.PerUserLimit, view.Issued, view.Remaining, view.Phase.Name());
}
