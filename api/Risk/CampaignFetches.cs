using Microsoft.Extensions.Caching.Memory;

namespace FlashSale.Api.Risk;

/// <summary>
/// Which devices fetched which campaigns on this node, lately: a real app shows the campaign before
/// its claim button, a script fires at the opening instant without looking. Bounded in size and age.
/// </summary>
public sealed class CampaignFetches
{
    private static readonly TimeSpan Remembered = TimeSpan.FromHours(1);
    private readonly MemoryCache _seen = new(new MemoryCacheOptions { SizeLimit = 1_000_000 });

    public void Saw(Guid campaignId, string deviceId) =>
        _seen.Set((campaignId, deviceId), true, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Remembered });

    public bool Fetched(Guid campaignId, string deviceId) => _seen.TryGetValue((campaignId, deviceId), out _);
}
