namespace FlashSale.Grains.Campaigns;

/// <summary>One shopper's admitted claims on one campaign: counts toward the per-user limit, finds replays.</summary>
internal sealed class ShopperClaims
{
    // Most campaigns allow one or two coupons per shopper, where a list is smallest and fastest;
    // past a handful, an index keeps replay lookups from scanning hundreds of claims.
    private const int ListLimit = 8;

    private readonly List<AdmittedClaim> _claims = new(1);
    private Dictionary<string, AdmittedClaim>? _byKey;

    /// <summary>
    /// Claims admitted, committed or not, and coupons received that count like claims: what the
    /// per-user limit is checked against.
    /// </summary>
    public int Count => _claims.Count + Received;

    /// <summary>Coupons given to this shopper on a campaign whose transfers count against the recipient's limit.</summary>
    public int Received { get; set; }

    /// <summary>Claims already in the ledger: the next committed one takes slot <c>Committed + 1</c>.</summary>
    public int Committed { get; set; }

    /// <summary>Transfers to or from this shopper under way: their outcome is not in the ledger yet.</summary>
    public int Pins { get; set; }

    /// <summary>
    /// Holds what the ledger does not have yet (a claim being written, a transfer under way): such a
    /// shopper cannot be forgotten and read back.
    /// </summary>
    public bool Busy => _claims.Count > Committed || Pins > 0;

    public AdmittedClaim? Find(string idempotencyKey)
    {
        if (_byKey is not null)
        {
            return _byKey.GetValueOrDefault(idempotencyKey);
        }

        foreach (var claim in _claims)
        {
            if (claim.IdempotencyKey == idempotencyKey)
            {
                return claim;
            }
        }

        return null;
    }

    /// <summary>The claim that issued this coupon, if it is one of these, answers replays without its code from now on.</summary>
    public void GaveAway(Guid couponId)
    {
        foreach (var claim in _claims)
        {
            if (claim.Coupon.CouponId == couponId)
            {
                claim.GiveAway();
            }
        }
    }

    public void Add(AdmittedClaim claim)
    {
        _claims.Add(claim);
        if (_byKey is not null)
        {
            _byKey[claim.IdempotencyKey] = claim;
        }
        else if (_claims.Count > ListLimit)
        {
            _byKey = _claims.ToDictionary(c => c.IdempotencyKey, StringComparer.Ordinal);
        }
    }

    public void Remove(AdmittedClaim claim)
    {
        _claims.Remove(claim);
        _byKey?.Remove(claim.IdempotencyKey);
    }
}
