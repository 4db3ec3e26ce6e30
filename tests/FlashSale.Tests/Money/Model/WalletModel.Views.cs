namespace FlashSale.Tests.Money.Model;

/// <summary>A line of a shopper's wallet as <c>GET /api/me/coupons</c> should list it.</summary>
public sealed record WalletLine(Guid Coupon, CouponStatus Status, string? Code, decimal? Balance);

public sealed partial class WalletModel
{
    private List<string> _notes = [];

    /// <summary>The tolerated discrepancies that decided answers on the way to this state.</summary>
    public IReadOnlyList<string> Notes => _notes;

    private void Note(string discrepancy) => _notes.Add(discrepancy);

    /// <summary>
    /// The state as the database should hold it, one canonical line per row (DatabaseRows reads the
    /// same lines from PostgreSQL): coupons, uses, orders, points, transfers and issued counts.
    /// </summary>
    public List<string> Rows()
    {
        var rows = new List<string>();
        foreach (var c in _coupons.Values)
        {
            rows.Add($"coupon {c.Id} campaign={c.Campaign} holder={c.Holder} code={c.Code ?? "?"} balance={GiftBalance(c)}");
        }

        // An order's row keeps "exclusive" once an exclusive coupon was on it, refunded or not (it takes no new uses).
        foreach (var order in _orders.Values)
        {
            var standing = order.Standing.ToList();
            rows.Add($"order {order.Scope} {order.Id} amount={Outcome.Money(order.Amount)} {order.Currency} discount={Outcome.Money(standing.Sum(u => u.Discount))} "
                + $"coupons={standing.Count} exclusive={order.Uses.Any(u => !u.Stackable)} refunded={order.Refunded}");
            rows.AddRange(order.Uses.Select(u =>
                $"use {u.Coupon} {order.Scope} {order.Id} order discount={Outcome.Money(u.Discount)} by={u.RedeemedBy} refundedBy={u.RefundedBy ?? "-"}"));
        }

        rows.AddRange(_pointsCards.Select(p => $"use {p.Coupon} points points-card:{p.Coupon} points_card discount={Outcome.Money(p.Points)} by={p.Shopper} refundedBy=-"));
        rows.AddRange(_points.Select(p => $"points {p.Key} balance={p.Value}"));
        rows.AddRange(_entries.Select(e => $"entry {e.Shopper} {e.Reason} {e.Delta}"));
        rows.AddRange(_transfers.Select(t => $"transfer {t.Coupon} {t.From}->{t.To} counted={t.Counted}"));
        rows.AddRange(_campaigns.Values.Select(c => $"campaign {c.Id} issued={c.Issued}"));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>Everything that decides later answers: two candidate states with one fingerprint are one.</summary>
    public string Fingerprint() => string.Join('\n', Rows()
        .Concat(_coupons.Values.Select(c => $"flags {c.Id} used={c.Used} ever={c.EverUsed} spent={c.EverSpent} given={c.GivenAwayByClaimer}"))
        .Concat(_campaigns.Values.Select(c => $"recycled {c.Id} {c.RecycledAtLeast}"))
        .Concat(_keys.Select(k => $"key {k.Key.Shopper} {k.Key.Key} {k.Value}"))
        .Concat(_receipts.Select(r => $"receipts {r.Key.Shopper} {r.Key.Campaign} {r.Value}"))
        .Order(StringComparer.Ordinal));

    /// <summary>
    /// A shopper's wallet: what they hold (a code each) and what they gave away and no longer hold
    /// (transferred, no code: M4).
    /// </summary>
    public IEnumerable<WalletLine> WalletOf(string shopper, DateTimeOffset now) =>
        _coupons.Values
            .Where(c => c.Holder == shopper)
            .Select(c => new WalletLine(c.Id, c.StatusAt(now), c.Code, c.Kind == Kind.Giftcard ? c.Balance : null))
            .Concat(_coupons.Values
                .Where(c => c.Holder != shopper && _transfers.Any(t => t.Coupon == c.Id && t.From == shopper))
                .Select(c => new WalletLine(c.Id, CouponStatus.Transferred, null, c.Kind == Kind.Giftcard ? c.Balance : null)));
}
