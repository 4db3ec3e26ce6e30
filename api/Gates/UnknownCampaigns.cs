using System.Collections.Concurrent;

namespace FlashSale.Api.Gates;

/// <summary>
/// Campaign ids this node recently heard do not exist, so that a flood of claims on made-up ids is
/// answered here instead of activating a grain (and reading storage) for each. Remembered briefly,
/// and bounded: ids are server-generated, so a real campaign is never asked for before it exists.
/// </summary>
public sealed class UnknownCampaigns(TimeProvider clock)
{
    private static readonly TimeSpan RememberFor = TimeSpan.FromSeconds(5);
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<Guid, long> _heardAt = new();

    public bool Contains(Guid campaignId)
    {
        if (!_heardAt.TryGetValue(campaignId, out var heardAt))
        {
            return false;
        }

        if (clock.GetElapsedTime(heardAt) <= RememberFor)
        {
            return true;
        }

        _heardAt.TryRemove(KeyValuePair.Create(campaignId, heardAt));
        return false;
    }

    public void Remember(Guid campaignId)
    {
        if (_heardAt.Count >= MaxEntries)
        {
            _heardAt.Clear();
        }

        _heardAt[campaignId] = clock.GetTimestamp();
    }

    /// <summary>A gate for the id proves it exists now.</summary>
    public void Forget(Guid campaignId) => _heardAt.TryRemove(campaignId, out _);
}
