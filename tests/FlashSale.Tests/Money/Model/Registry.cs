namespace FlashSale.Tests.Money.Model;

/// <summary>
/// What a sequence has learned from the system's answers, for resolving the next operations' indices:
/// the coupons in the order they were issued, their codes (and the codes they had before a transfer),
/// each shopper's claim keys, the order ids each scope used; and, for M4, every code each shopper saw.
/// </summary>
public sealed class Registry(string tag)
{
    private readonly List<Guid> _coupons = [];
    private readonly Dictionary<Guid, string?> _codes = [];
    private readonly Dictionary<Guid, List<string>> _oldCodes = [];
    private readonly Dictionary<string, List<(string Key, Guid Campaign)>> _keys = [];
    private readonly Dictionary<string, List<string>> _orders = [];
    private readonly Dictionary<string, decimal> _amounts = [];
    private readonly HashSet<(string Shopper, Guid Coupon, string Code)> _seen = [];
    private int _nextKey;

    public IReadOnlyList<Guid> Coupons => _coupons;

    /// <summary>Every code a shopper was shown, in any answer (claims, replays, wallets).</summary>
    public IReadOnlyCollection<(string Shopper, Guid Coupon, string Code)> Seen => _seen;

    /// <summary>Coupons given away whose new code the test has not read yet.</summary>
    public IEnumerable<Guid> Unread => _codes.Where(c => c.Value is null).Select(c => c.Key);

    public void Issued(Guid coupon, string code)
    {
        if (_codes.TryAdd(coupon, code))
        {
            _coupons.Add(coupon);
        }
    }

    public string? CodeOf(Guid coupon) => _codes.GetValueOrDefault(coupon);

    public IReadOnlyList<string> OldCodesOf(Guid coupon) => _oldCodes.GetValueOrDefault(coupon) ?? [];

    private readonly Dictionary<Guid, (string From, string To)> _lastMoves = [];

    public void Transferred(Guid coupon, string from, string to)
    {
        // The same move again is the first one answered again (a replay): the code stays the one the recipient got.
        if (_lastMoves.GetValueOrDefault(coupon) == (from, to))
        {
            return;
        }

        _lastMoves[coupon] = (from, to);
        if (_codes.GetValueOrDefault(coupon) is { } old)
        {
            (_oldCodes.TryGetValue(coupon, out var list) ? list : _oldCodes[coupon] = []).Add(old);
        }

        _codes[coupon] = null;
    }

    public void Learned(Guid coupon, string code) => _codes[coupon] = code;

    public void Saw(string shopper, Guid coupon, string code) => _seen.Add((shopper, coupon, code));

    public string NewKey(string shopper, Guid campaign)
    {
        var key = $"key{_nextKey++}-{tag}";
        (_keys.TryGetValue(shopper, out var list) ? list : _keys[shopper] = []).Add((key, campaign));
        return key;
    }

    public (string Key, Guid Campaign)? KeyOf(string shopper, int index) =>
        _keys.GetValueOrDefault(shopper) is { Count: > 0 } keys ? keys[index % keys.Count] : null;

    public void Named(string scope, string orderId, decimal amount)
    {
        var list = _orders.TryGetValue(scope, out var known) ? known : _orders[scope] = [];
        if (!list.Contains(orderId))
        {
            list.Add(orderId);
        }

        _amounts.TryAdd(orderId, amount);
    }

    public IReadOnlyList<string> OrdersOf(string scope) => _orders.GetValueOrDefault(scope) ?? [];

    /// <summary>Order ids other scopes used, in a stable order.</summary>
    public List<string> OrdersBesides(string scope) =>
        [.. _orders.Where(o => o.Key != scope).OrderBy(o => o.Key, StringComparer.Ordinal).SelectMany(o => o.Value).Distinct(StringComparer.Ordinal)];

    public decimal? AmountOf(string orderId) => _amounts.TryGetValue(orderId, out var amount) ? amount : null;
}
