namespace FlashSale.Grains.Risk;

/// <summary>One device's counts: its accounts in the order they first claimed there, its claims per campaign and per day.</summary>
public sealed class DeviceCounter
{
    private readonly Dictionary<string, int> _accounts = new(StringComparer.Ordinal);
    private readonly Slots _accountPlaces = new();
    // Accounts with coupons on the device but no place: only when the claim that placed an account
    // failed while another of its claims went through. They count against account limits.
    private readonly HashSet<string> _unplaced = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, Slots> _campaigns = [];

    public DaySlots Days { get; } = new();

    /// <summary>The account's place on the device, 0 when it has none yet.</summary>
    public int PlaceOf(string shopperId) => _accounts.GetValueOrDefault(shopperId);

    /// <summary>A place for a new account within the limit, or 0.</summary>
    public int TakePlace(string shopperId, int? limit)
    {
        var unplacedOthers = _unplaced.Count - (_unplaced.Contains(shopperId) ? 1 : 0);
        var place = _accountPlaces.Take(limit - unplacedOthers);
        if (place != 0)
        {
            _accounts[shopperId] = place;
            _unplaced.Remove(shopperId);
        }

        return place;
    }

    public void Place(string shopperId, int place)
    {
        // Two writers racing on a new account can leave it two places; the first one is its own.
        if (!_accounts.TryGetValue(shopperId, out var known) || place < known)
        {
            _accounts[shopperId] = place;
        }

        _accountPlaces.Add(place);
        _unplaced.Remove(shopperId);
    }

    /// <summary>Gives a place back; the account stays counted, unplaced, while it still has claims here.</summary>
    public void Unplace(string shopperId, int place, bool stillClaiming)
    {
        _accounts.Remove(shopperId);
        _accountPlaces.Free(place);
        if (stillClaiming)
        {
            _unplaced.Add(shopperId);
        }
    }

    /// <summary>An account seen in the ledger's rows of this device without a place of its own.</summary>
    public void CountUnplaced(string shopperId)
    {
        if (!_accounts.ContainsKey(shopperId))
        {
            _unplaced.Add(shopperId);
        }
    }

    public Slots OnCampaign(Guid campaignId)
    {
        if (!_campaigns.TryGetValue(campaignId, out var slots))
        {
            slots = new Slots();
            _campaigns[campaignId] = slots;
        }

        return slots;
    }
}
