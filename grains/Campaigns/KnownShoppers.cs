namespace FlashSale.Grains.Campaigns;

/// <summary>
/// The shoppers a campaign activation holds in memory, at most <c>capacity</c> of them whatever the
/// ledger holds: the others are read from the ledger when they come back (<see cref="ShopperLookups"/>).
/// The oldest go first, except a shopper with a claim still being written or a transfer under way
/// (<see cref="ShopperClaims.Busy"/>): only the ledger's rows may stand in for a forgotten shopper.
/// </summary>
internal sealed class KnownShoppers(int capacity)
{
    private readonly Dictionary<string, ShopperClaims> _byId = new(StringComparer.Ordinal);
    private readonly Queue<string> _oldestFirst = new();

    public int Count => _byId.Count;

    public ShopperClaims? Find(string shopperId) => _byId.GetValueOrDefault(shopperId);

    public ShopperClaims this[string shopperId] => _byId[shopperId];

    /// <summary>Every shopper held now with a claim still being written.</summary>
    public IEnumerable<string> Busy => _byId.Where(s => s.Value.Busy).Select(s => s.Key);

    /// <summary>The shopper's claims, added (empty) if not held yet.</summary>
    public ShopperClaims GetOrAdd(string shopperId)
    {
        if (_byId.TryGetValue(shopperId, out var claims))
        {
            return claims;
        }

        // Room first, so that the new entry is never the one let go.
        MakeRoom();
        claims = new ShopperClaims();
        _byId[shopperId] = claims;
        _oldestFirst.Enqueue(shopperId);
        return claims;
    }

    private void MakeRoom()
    {
        for (var looked = _oldestFirst.Count; _byId.Count >= capacity && looked > 0; looked--)
        {
            var shopperId = _oldestFirst.Dequeue();
            if (_byId[shopperId].Busy)
            {
                _oldestFirst.Enqueue(shopperId);
            }
            else
            {
                _byId.Remove(shopperId);
            }
        }
    }
}
