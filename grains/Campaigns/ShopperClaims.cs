namespace FlashSale.Grains.Campaigns;

/// <summary>One shopper's admitted claims on one campaign: counts toward the per-user limit, finds replays.</summary>
internal sealed class ShopperClaims
{
    private readonly List<AdmittedClaim> _claims = new(1);

    /// <summary>Claims admitted, committed or not: what the per-user limit is checked against.</summary>
    public int Count => _claims.Count;

    /// <summary>Claims already in the ledger: the next committed one takes slot <c>Committed + 1</c>.</summary>
    public int Committed { get; set; }

    public AdmittedClaim? Find(string idempotencyKey)
    {
        foreach (var claim in _claims)
        {
            if (claim.IdempotencyKey == idempotencyKey)
            {
                return claim;
            }
        }

        return null;
    }

    public void Add(AdmittedClaim claim) => _claims.Add(claim);

    public void Remove(AdmittedClaim claim) => _claims.Remove(claim);
}
