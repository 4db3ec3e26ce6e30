using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Claims;

namespace FlashSale.Grains.Live;

/// <summary>
/// What a campaign grain counts for its dashboards: refusals by code and coupons committed per
/// second, and whether anything changed since the last snapshot.
/// </summary>
internal sealed class LiveInventory
{
    private readonly Dictionary<string, int> _rejections = new(StringComparer.Ordinal);
    // Committed coupons per whole second, for the last two seconds.
    private long _second;
    private int _thisSecond;
    private int _lastSecond;

    /// <summary>Something changed since the last snapshot.</summary>
    public bool Changed { get; set; }

    public void Refused(ClaimOutcome outcome)
    {
        Refused(ClaimOutcomeCodes.Of(outcome), 1);
    }

    public void Refused(string code, int count) => _rejections[code] = _rejections.GetValueOrDefault(code) + count;

    public void Committed(int coupons, DateTimeOffset now)
    {
        Roll(now);
        _thisSecond += coupons;
    }

    /// <summary>Coupons committed in the last full second, and the counts by code; clears <see cref="Changed"/>.</summary>
    public (int PerSecond, ImmutableDictionary<string, int> Rejections) Take(DateTimeOffset now)
    {
        Roll(now);
        Changed = false;
        return (_lastSecond, _rejections.ToImmutableDictionary());
    }

    private void Roll(DateTimeOffset now)
    {
        var second = now.ToUnixTimeSeconds();
        if (second == _second)
        {
            return;
        }

        _lastSecond = second == _second + 1 ? _thisSecond : 0;
        _thisSecond = 0;
        _second = second;
    }
}
