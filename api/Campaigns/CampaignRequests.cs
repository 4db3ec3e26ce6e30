namespace FlashSale.Api.Campaigns;

/// <summary>
/// The body of <c>POST /api/campaigns</c>. Every field is nullable so that a missing one is reported
/// by name. <c>draft</c>: created unpublished, invisible to shoppers until <c>POST .../publish</c>.
/// </summary>
public sealed record CreateCampaignRequest(
    string? Name,
    CouponTermsBody? Coupon,
    int? TotalStock,
    int? PerUserLimit,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    ValidityBody? Validity,
    RiskBody? Risk,
    UseBody? Use,
    PriceBody? Price,
    bool? CardSecrets = null,
    bool? Draft = null,
    EarlyAccessBody[]? EarlyAccess = null,
    UnitBody[]? Batches = null,
    UnitBody[]? Variants = null,
    PaymentBody? Payment = null,
    string? TimeZone = null);

/// <summary>
/// One batch (a tier shoppers pick, with its own stock and per-user limit) or variant (an A/B arm
/// shoppers are split into by <paramref name="Weight"/>) of a campaign; the rest is the campaign's.
/// </summary>
/// <param name="Key">How claims and top-ups name it: 1 to 32 lowercase letters, digits, '-' or '_'.</param>
public sealed record UnitBody(string? Key, string? Name, CouponTermsBody? Coupon, int? TotalStock, int? PerUserLimit = null, int? Weight = null);

/// <summary>Shoppers whose token has <c>tier</c> = <paramref name="Tier"/> may claim <paramref name="Lead"/> (<c>hh:mm:ss</c>) before <c>startsAt</c>.</summary>
public sealed record EarlyAccessBody(string? Tier, TimeSpan? Lead);

/// <param name="Kind"><c>fixed</c>, <c>percent</c>, <c>threshold</c>, <c>giftcard</c> or <c>points</c>.</param>
/// <param name="AmountOff">For <c>fixed</c> and <c>threshold</c>: the amount taken off.</param>
/// <param name="PercentOff">For <c>percent</c>: 1 to 100.</param>
/// <param name="MaxDiscount">For <c>percent</c>: the most it takes off.</param>
/// <param name="MinSpend">For <c>threshold</c>: the order amount from which it applies.</param>
/// <param name="CardValue">For <c>giftcard</c>: the balance, spent across orders.</param>
/// <param name="Points">For <c>points</c> (a points card): the points it credits when redeemed.</param>
public sealed record CouponTermsBody(
    string? Kind,
    string? Currency,
    decimal? AmountOff,
    decimal? PercentOff,
    decimal? MaxDiscount,
    decimal? MinSpend,
    decimal? CardValue,
    long? Points = null);

/// <summary>Exactly one of <c>until</c> (an instant), <c>days</c> or <c>afterClaim</c> (<c>d.hh:mm:ss</c>) after the claim.</summary>
public sealed record ValidityBody(DateTimeOffset? Until, int? Days, TimeSpan? AfterClaim = null);

/// <summary>
/// Limits beyond the per-user limit, each optional. <c>dailyClaimCap</c> replaces the platform's
/// default cap on coupons per shopper per day across campaigns for claims on this campaign.
/// </summary>
/// <param name="MaxAccountsPerDevice">Only the first N accounts that claimed on a device may claim this campaign from it.</param>
/// <param name="MaxClaimsPerDevice">Coupons of this campaign claimed from one device.</param>
/// <param name="MaxClaimsPerDevicePerDay">Coupons claimed from one device per day, across campaigns, for claims on this campaign.</param>
/// <param name="DailyClaimCap">Coupons per shopper per day across campaigns, for claims on this campaign.</param>
public sealed record RiskBody(int? MaxAccountsPerDevice, int? MaxClaimsPerDevice, int? MaxClaimsPerDevicePerDay, int? DailyClaimCap);

/// <summary>
/// What a claim costs: <c>points</c>, debited with the claim; <c>cash</c> (yuan), which makes the campaign a
/// paid sale: each claim places an order, paid through a payment gateway before its deadline (<see cref="PaymentBody"/>).
/// </summary>
public sealed record PriceBody(int? Points, decimal? Cash);

/// <summary>A paid sale's settings, only with <c>price.cash</c>; both optional.</summary>
/// <param name="Window">How long an order waits for payment (<c>hh:mm:ss</c>, 00:00:05 to 1.00:00:00; default 00:05:00) before its unit goes back to the stock.</param>
/// <param name="RefundsReturnStock">Whether an unused paid coupon refunded while the sale is open gives its unit back (default false).</param>
public sealed record PaymentBody(TimeSpan? Window, bool? RefundsReturnStock);

/// <summary>How claimed coupons may be used; every field optional.</summary>
/// <param name="Transfer">
/// <c>none</c> (default): they stay with the claimer; <c>free</c>: they may be given away and do not count against
/// the recipient's per-user limit; <c>withinLimit</c>: they may be given away and count against it like a claim.
/// </param>
/// <param name="Stackable">Whether the coupon combines with others in one order (default true).</param>
/// <param name="RemindBefore">Up to 5 thresholds (<c>d.hh:mm:ss</c>, e.g. <c>3.00:00:00</c>) before a coupon expires at which its holder gets an alert.</param>
/// <param name="RecycleExpired">Coupons that expire unused while the sale is open go back into stock (default false).</param>
public sealed record UseBody(string? Transfer, bool? Stackable, TimeSpan[]? RemindBefore = null, bool? RecycleExpired = null);
