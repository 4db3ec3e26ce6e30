using System.Collections.Immutable;
using FlashSale.Api.Identity;
using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Risk;

namespace FlashSale.Api.Campaigns;

/// <summary>Turns a create request into a definition, or into per-field errors keyed by JSON path.</summary>
public static class CampaignValidation
{
    public const int MaxStock = CampaignDefinition.MaxStock;
    public const int MaxPerUserLimit = 1_000;
    private const decimal MaxAmount = 1_000_000_000m;
    private const int MaxPoints = 10_000_000;
    private static readonly TimeSpan MaxSaleLength = TimeSpan.FromDays(366);

    public static Dictionary<string, string[]> Check(CreateCampaignRequest request, DateTimeOffset now, out CampaignDefinition? definition)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Error(string field, string message) => errors[field] = [message];

        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200 || name.Any(char.IsControl))
        {
            Error("name", "Required, 1 to 200 characters, no control characters.");
        }

        var terms = CheckTerms(request.Coupon, Error);

        if (request.TotalStock is not { } stock || stock < 1 || stock > MaxStock)
        {
            Error("totalStock", $"Required, 1 to {MaxStock}.");
        }

        var perUserLimit = request.PerUserLimit ?? 1;
        if (perUserLimit < 1 || perUserLimit > MaxPerUserLimit)
        {
            Error("perUserLimit", $"1 to {MaxPerUserLimit} (default 1).");
        }

        if (request.StartsAt is null)
        {
            Error("startsAt", "Required: an ISO 8601 instant.");
        }

        if (request.EndsAt is null)
        {
            Error("endsAt", "Required: an ISO 8601 instant.");
        }
        else if (request.EndsAt <= now)
        {
            Error("endsAt", "Must be in the future.");
        }
        else if (request.StartsAt is { } starts && request.EndsAt <= starts)
        {
            Error("endsAt", "Must be after startsAt.");
        }
        else if (request.StartsAt is { } start && request.EndsAt - start > MaxSaleLength)
        {
            Error("endsAt", "A sale lasts at most 366 days.");
        }

        var validity = CheckValidity(request.Validity, request.EndsAt, Error);
        var risk = CheckRisk(request.Risk, Error);
        var use = CheckUse(request.Use, Error);
        if (request.CardSecrets == true && use.Transfer != TransferRule.None)
        {
            // A revealed card secret cannot be rotated: after a transfer the giver could still use it (M4).
            Error("use.transfer", "Card-secret coupons cannot be given away: leave transfer out, or none.");
        }
        var price = CheckPrice(request.Price, Error);
        var sale = CheckPayment(request, price, Error);
        var early = CheckEarlyAccess(request.EarlyAccess, Error);
        var timeZone = string.IsNullOrWhiteSpace(request.TimeZone) ? null : request.TimeZone.Trim();
        if (timeZone is not null && !IsTimeZone(timeZone))
        {
            Error("timeZone", "An IANA time zone such as Asia/Shanghai, or left out (each reader's own zone).");
        }

        definition = errors.Count == 0
            ? new CampaignDefinition(Guid.CreateVersion7(now), name!, terms!, request.TotalStock!.Value, perUserLimit,
                request.StartsAt!.Value.ToUniversalTime(), request.EndsAt!.Value.ToUniversalTime(), validity!, now, "", risk, use, price, request.CardSecrets ?? false,
                early) with
            { Sale = sale, TimeZone = timeZone }
            : null;
        return errors;
    }

    // IANA names only (Region/City, or UTC): Windows names would mean nothing to the pages' browsers.
    private static bool IsTimeZone(string name) =>
        name.Length <= 64 && (name == "UTC" || name.Contains('/', StringComparison.Ordinal))
        && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) && zone.HasIanaId;

    public static string TransferName(TransferRule rule) => rule switch
    {
        TransferRule.Free => "free",
        TransferRule.WithinLimit => "withinLimit",
        _ => "none",
    };

    private static readonly TimeSpan MaxLead = TimeSpan.FromDays(7);

    private static ImmutableArray<EarlyAccess> CheckEarlyAccess(EarlyAccessBody[]? early, Action<string, string> error)
    {
        if (early is null || early.Length == 0)
        {
            return [];
        }

        if (early.Length > 5 || early.Any(e => e is null) || early.Select(e => e.Tier).Distinct(StringComparer.Ordinal).Count() != early.Length)
        {
            error("earlyAccess", "Up to 5 entries, one per tier.");
            return [];
        }

        for (var i = 0; i < early.Length; i++)
        {
            if (!Tiers.IsValid(early[i].Tier))
            {
                error($"earlyAccess[{i}].tier", $"Required: {Tiers.Rule}.");
            }

            if (early[i].Lead is not { } lead || lead < TimeSpan.FromSeconds(1) || lead > MaxLead)
            {
                error($"earlyAccess[{i}].lead", "Required: 00:00:01 to 7.00:00:00 before startsAt.");
            }
        }

        return [.. early.Select(e => new EarlyAccess(e.Tier ?? "", e.Lead ?? TimeSpan.Zero))];
    }

    private static CouponPrice? CheckPrice(PriceBody? price, Action<string, string> error)
    {
        if (price is null)
        {
            return null;
        }

        // Points alone, or cash (a paid sale) with or without points.
        if (price.Cash is null ? price.Points is not (>= 1 and <= MaxPoints) : price.Points is not (null or (>= 1 and <= MaxPoints)))
        {
            error("price.points", $"1 to {MaxPoints}; required when there is no cash price.");
        }

        if (price.Cash is { } cash && (cash <= 0 || cash > MaxAmount || decimal.Round(cash, 2) != cash))
        {
            error("price.cash", $"More than 0, at most {MaxAmount}, at most 2 decimals; or left out.");
        }

        return new CouponPrice(price.Points ?? 0, price.Cash);
    }

    private static PaidSale? CheckPayment(CreateCampaignRequest request, CouponPrice? price, Action<string, string> error)
    {
        if (price?.Cash is null)
        {
            if (request.Payment is not null)
            {
                error("payment", "Only for a paid sale: set price.cash too, or leave payment out.");
            }

            return null;
        }

        if (request.Batches is { Length: > 0 } || request.Variants is { Length: > 0 })
        {
            error("price.cash", "A paid sale is a single campaign: batches and variants of one are not supported.");
        }

        var window = request.Payment?.Window ?? PaidSale.DefaultWindow;
        if (window < PaidSale.MinWindow || window > PaidSale.MaxWindow)
        {
            error("payment.window", "00:00:05 to 1.00:00:00, or left out for 00:05:00.");
        }

        return new PaidSale(window, request.Payment?.RefundsReturnStock ?? false);
    }

    private static CouponUse CheckUse(UseBody? use, Action<string, string> error)
    {
        var transfer = use?.Transfer switch
        {
            null or "none" => TransferRule.None,
            "free" => TransferRule.Free,
            "withinLimit" => TransferRule.WithinLimit,
            _ => (TransferRule?)null,
        };
        if (transfer is null)
        {
            error("use.transfer", "One of none (default), free, withinLimit.");
        }

        var reminders = use?.RemindBefore ?? [];
        if (reminders.Length > 5 || reminders.Distinct().Count() != reminders.Length
            || reminders.Any(r => r < TimeSpan.FromMinutes(1) || r > TimeSpan.FromDays(365)))
        {
            error("use.remindBefore", "Up to 5 distinct thresholds, each from 00:01:00 to 365.00:00:00.");
        }

        return new CouponUse(transfer ?? TransferRule.None, use?.Stackable ?? true, reminders.Length == 0 ? null : [.. reminders.Order().Reverse()],
            use?.RecycleExpired ?? false);
    }

    private static RiskPolicy CheckRisk(RiskBody? risk, Action<string, string> error)
    {
        if (risk is null)
        {
            return RiskPolicy.None;
        }

        int? Limit(int? value, string field)
        {
            if (value is < 1 or > MaxPerUserLimit)
            {
                error($"risk.{field}", $"1 to {MaxPerUserLimit}, or left out for no limit.");
            }

            return value;
        }

        return new RiskPolicy(
            Limit(risk.MaxAccountsPerDevice, "maxAccountsPerDevice"),
            Limit(risk.MaxClaimsPerDevice, "maxClaimsPerDevice"),
            Limit(risk.MaxClaimsPerDevicePerDay, "maxClaimsPerDevicePerDay"),
            Limit(risk.DailyClaimCap, "dailyClaimCap"));
    }

    private static CouponTerms? CheckTerms(CouponTermsBody? coupon, Action<string, string> error)
    {
        if (coupon is null)
        {
            error("coupon", "Required: { kind, currency, and the kind's values }.");
            return null;
        }

        var currency = coupon.Currency ?? "CNY";
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            error("coupon.currency", "An ISO 4217 code such as CNY (default CNY).");
        }

        bool Positive(decimal? value, string field)
        {
            if (value is { } v && v > 0 && v <= MaxAmount && decimal.Round(v, 2) == v)
            {
                return true;
            }

            error(field, $"Required for this kind: more than 0, at most {MaxAmount}, at most 2 decimals.");
            return false;
        }

        void Unused(decimal? value, string field, string kind)
        {
            if (value is not null)
            {
                error(field, $"Not used by kind '{kind}'.");
            }
        }

        switch (coupon.Kind)
        {
            case "fixed":
                Positive(coupon.AmountOff, "coupon.amountOff");
                Unused(coupon.PercentOff, "coupon.percentOff", "fixed");
                Unused(coupon.MaxDiscount, "coupon.maxDiscount", "fixed");
                Unused(coupon.MinSpend, "coupon.minSpend", "fixed");
                Unused(coupon.CardValue, "coupon.cardValue", "fixed");
                Unused(coupon.Points, "coupon.points", "fixed");
                return new CouponTerms(CouponKind.Fixed, currency, coupon.AmountOff, null, null, null);
            case "percent":
                if (coupon.PercentOff is not { } percent || percent <= 0 || percent > 100 || decimal.Round(percent, 2) != percent)
                {
                    error("coupon.percentOff", "Required for kind 'percent': more than 0, at most 100.");
                }

                Positive(coupon.MaxDiscount, "coupon.maxDiscount");
                Unused(coupon.AmountOff, "coupon.amountOff", "percent");
                Unused(coupon.MinSpend, "coupon.minSpend", "percent");
                Unused(coupon.CardValue, "coupon.cardValue", "percent");
                Unused(coupon.Points, "coupon.points", "percent");
                return new CouponTerms(CouponKind.Percent, currency, null, coupon.PercentOff, coupon.MaxDiscount, null);
            case "threshold":
                var amountOk = Positive(coupon.AmountOff, "coupon.amountOff");
                var minOk = Positive(coupon.MinSpend, "coupon.minSpend");
                if (amountOk && minOk && coupon.AmountOff >= coupon.MinSpend)
                {
                    error("coupon.amountOff", "Must be less than minSpend.");
                }

                Unused(coupon.PercentOff, "coupon.percentOff", "threshold");
                Unused(coupon.MaxDiscount, "coupon.maxDiscount", "threshold");
                Unused(coupon.CardValue, "coupon.cardValue", "threshold");
                Unused(coupon.Points, "coupon.points", "threshold");
                return new CouponTerms(CouponKind.Threshold, currency, coupon.AmountOff, null, null, coupon.MinSpend);
            case "giftcard":
                Positive(coupon.CardValue, "coupon.cardValue");
                Unused(coupon.AmountOff, "coupon.amountOff", "giftcard");
                Unused(coupon.PercentOff, "coupon.percentOff", "giftcard");
                Unused(coupon.MaxDiscount, "coupon.maxDiscount", "giftcard");
                Unused(coupon.MinSpend, "coupon.minSpend", "giftcard");
                Unused(coupon.Points, "coupon.points", "giftcard");
                return new CouponTerms(CouponKind.Giftcard, currency, null, null, null, null, coupon.CardValue);
            case "points":
                if (coupon.Points is not (>= 1 and <= MaxPoints))
                {
                    error("coupon.points", $"Required for kind 'points': 1 to {MaxPoints}.");
                }

                Unused(coupon.AmountOff, "coupon.amountOff", "points");
                Unused(coupon.PercentOff, "coupon.percentOff", "points");
                Unused(coupon.MaxDiscount, "coupon.maxDiscount", "points");
                Unused(coupon.MinSpend, "coupon.minSpend", "points");
                Unused(coupon.CardValue, "coupon.cardValue", "points");
                return new CouponTerms(CouponKind.Points, currency, null, null, null, null, null, coupon.Points);
            default:
                error("coupon.kind", "Required: fixed, percent, threshold, giftcard or points.");
                return null;
        }
    }

    private static CouponValidity? CheckValidity(ValidityBody? validity, DateTimeOffset? endsAt, Action<string, string> error)
    {
        switch (validity)
        {
            case null or { Until: null, Days: null, AfterClaim: null }:
                error("validity", "Required: { \"until\": instant }, { \"days\": 1 to 3650 } or { \"afterClaim\": \"d.hh:mm:ss\" }.");
                return null;
            case { Until: not null, Days: not null } or { Until: not null, AfterClaim: not null } or { Days: not null, AfterClaim: not null }:
                error("validity", "Give one of until, days and afterClaim.");
                return null;
            case { AfterClaim: { } span }:
                if (span < TimeSpan.FromSeconds(1) || span > TimeSpan.FromDays(3650))
                {
                    error("validity.afterClaim", "00:00:01 to 3650.00:00:00.");
                }

                return new CouponValidity(null, null, span);
            case { Until: { } until }:
                if (endsAt is { } end && until < end)
                {
                    error("validity.until", "Must not be before endsAt: a coupon claimed at the end would be born expired.");
                }

                return new CouponValidity(until.ToUniversalTime(), null);
            case { Days: { } days }:
                if (days is < 1 or > 3650)
                {
                    error("validity.days", "1 to 3650.");
                }

                return new CouponValidity(null, days);
        }
    }
}
