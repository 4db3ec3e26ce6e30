using FlashSale.GrainInterfaces.Wallet;

namespace FlashSale.Api.Wallet;

/// <summary>Checks wallet requests field by field, keyed by JSON name.</summary>
public static class WalletValidation
{
    public const int MaxCouponsPerOrder = OrderRules.MaxCoupons;
    private const int MaxIdLength = 100;
    private const decimal MaxAmount = 1_000_000_000m;

    public static OrderAmount? Order(string? orderId, decimal? amount, string? currency, Dictionary<string, string[]> errors)
    {
        if (!IsId(orderId))
        {
            errors["orderId"] = [$"Required: 1 to {MaxIdLength} characters, no control characters."];
        }

        if (amount is not { } value || value <= 0 || value > MaxAmount || decimal.Round(value, 2) != value)
        {
            errors["amount"] = [$"Required: more than 0, at most {MaxAmount}, at most 2 decimals."];
        }

        if (currency is not { Length: 3 } || !currency.All(char.IsAsciiLetterUpper))
        {
            errors["currency"] = ["Required: an ISO 4217 code such as CNY."];
        }

        return errors.Count == 0 ? new OrderAmount(orderId!, amount!.Value, currency!) : null;
    }

    /// <summary>Order ids, shopper ids and codes: short, printable.</summary>
    public static bool IsId(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= MaxIdLength && !value.Any(char.IsControl);

    public static CouponStatus? Status(string? status, Dictionary<string, string[]> errors)
    {
        if (status is null)
        {
            return null;
        }

        if (Enum.TryParse<CouponStatus>(status, ignoreCase: true, out var parsed) && status.All(char.IsAsciiLetter))
        {
            return parsed;
        }

        errors["status"] = ["One of available, redeemed, expired, transferred."];
        return null;
    }
}
