using FlashSale.FaultInjection.Money;

namespace FlashSale.FaultInjection.Checking.Money;

/// <summary>
/// Requests that must be refused, by the rule they try: a party cancelling another's order, a
/// giver's old code at a till, another merchant's coupon, a points card's use cancelled, a key reused.
/// Each must get its refusal's code.
/// </summary>
public static class ProbeChecks
{
    private static readonly (string Rule, string Name)[] Rules =
    [
        ("M1", "M1 an order's coupon sent again with another amount is refused 409 order_conflict"),
        ("M2", "M2 a credit key reused for another credit is refused 422, a points card's use cannot be cancelled (404)"),
        ("M4", "M4 the giver's old code is refused at a till (404), a non-transferable coupon is not given away (409)"),
        ("M5", "M5 nobody but its maker cancels an order: other scopes get 404 order_not_found"),
        ("tenancy", "tenancy: a till never redeems another merchant's coupon (404)"),
        ("top-ups", "top-ups: a top-up's key used on another campaign is refused 422"),
    ];

    public static void Add(CheckList checks, MoneyEvidence evidence)
    {
        var probes = evidence.Ops.Where(o => o.Request.Probe is not null && o.Answer is not null).ToLookup(o => o.Request.Probe!.Rule, StringComparer.Ordinal);
        foreach (var (rule, name) in Rules)
        {
            var tried = probes[rule].ToList();
            var wrong = tried.Where(o => !o.RefusedWith(o.Request.Probe!.Code)).ToList();
            checks.Add(name, tried.Count, wrong.Count,
                $"tried: {string.Join(", ", tried.GroupBy(o => o.Request.Probe!.What, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count():N0}"))}"
                + CheckList.Examples(wrong, o => $"{o.Request.Probe!.What}: answered {o.Answer!.Status} {o.Answer.Code}"));
        }
    }
}
