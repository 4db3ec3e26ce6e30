using System.Globalization;

namespace FlashSale.FaultInjection.Checking.Money;

/// <summary>M3 Gift cards: every card's balance is its value less what its standing uses took, within 0..value.</summary>
public static class GiftCardChecks
{
    public static void Add(CheckList checks, MoneyEvidence evidence)
    {
        var cards = evidence.Ledger.GiftCards;
        var spent = evidence.Ledger.Redemptions.Where(r => r.Kind == "order").ToLookup(r => r.CouponId);
        var broken = cards.Where(c => Broken(c) is not null).ToList();
        checks.Add("M3 every gift card: balance = value - standing uses, within 0..value",
            cards.Count, broken.Count,
            $"gift cards checked: {cards.Count:N0} ({cards.Count(c => spent[c.CouponId].Any()):N0} spent from, "
            + $"{cards.Count(c => spent[c.CouponId].Count() > 1):N0} on several orders, {cards.Count(c => spent[c.CouponId].Any(r => r.Refunded)):N0} with a refund)"
            + CheckList.Examples(broken, c => $"{c.CouponId}: {Broken(c)}"));
    }

    private static string? Broken(GiftCardRow card)
    {
        var left = card.CardValue - card.StandingSpent;
        var balance = card.Balance ?? card.CardValue;
        return left < 0 || left > card.CardValue ? $"its standing uses took {card.StandingSpent} of {card.CardValue}"
            : balance != left ? $"balance {card.Balance?.ToString(CultureInfo.InvariantCulture) ?? "never spent"}, but value {card.CardValue} less standing uses {card.StandingSpent} is {left}"
            : null;
    }
}
