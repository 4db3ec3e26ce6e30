namespace FlashSale.Grains.Risk;

/// <summary>One device's counts: its accounts in the order they first claimed there, its claims per campaign and per day.</summary>
public sealed class DeviceCounter
{
    private readonly Dictionary<string, int> _accounts = new(StringComparer.Ordinal);
    private readonly Slots _accountPlaces = new();
    // Accounts with coupons on the device but no place: only when the claim that placed an account
    // failed while another of its claims went through. They count against account limits.
    private readonly HashSet<string> _unplaced = new(StringComparer.Ordinal);
    // Shoppers with a committed claim on the device (from the ledger, or confirmed since).
    private readonly HashSet<string> _claimed = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, Slots> _campaigns = [];
    private readonly Queue<DateTimeOffset> _recentPlacements = new();

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

    /// <summary>
    /// Gives a place back. The account stays counted, unplaced, while it has other claims in flight
    /// or committed ones here: those rows carry no place, since this one was to carry it.
    /// </summary>
    public void Unplace(string shopperId, int place, bool claimsInFlight)
    {
        _accounts.Remove(shopperId);
        _accountPlaces.Free(place);
        if (claimsInFlight || _claimed.Contains(shopperId))
        {
            _unplaced.Add(shopperId);
        }
    }

    public void NoteClaimed(string shopperId) => _claimed.Add(shopperId);

    /// <summary>An account seen in the ledger's rows of this device without a place of its own.</summary>
    public void CountUnplaced(string shopperId)
    {
        _claimed.Add(shopperId);
        if (!_accounts.ContainsKey(shopperId))
        {
            _unplaced.Add(shopperId);
        }
    }

    /// <summary>Notes that an account was newly placed now; returns how many were within the window.</summary>
    public int NotePlacement(DateTimeOffset now, TimeSpan window)
    {
        _recentPlacements.Enqueue(now);
        while (_recentPlacements.Peek() < now - window)
        {
            _recentPlacements.Dequeue();
        }

        return _recentPlacements.Count;
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
