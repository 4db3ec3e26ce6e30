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
    // Refusals by a risk rule: what a spike is made of.
    private static readonly HashSet<string> RiskCodes = new(StringComparer.Ordinal) { "risk_blocked", "device_limit_reached", "daily_limit_reached" };

    // Committed coupons and risk refusals per whole second, for the last two seconds.
    private long _second;
    private int _thisSecond;
    private int _lastSecond;
    private int _riskThisSecond;
    private DateTimeOffset? _firstCommitSinceTaken;

    /// <summary>Risk refusals in the current second so far.</summary>
    public int RiskThisSecond => _riskThisSecond;

    /// <summary>Something changed since the last snapshot.</summary>
    public bool Changed { get; set; }

    public void Refused(ClaimOutcome outcome)
    {
        Refused(ClaimOutcomeCodes.Of(outcome), 1);
    }

    public void Refused(string code, int count)
    {
        _rejections[code] = _rejections.GetValueOrDefault(code) + count;
        if (RiskCodes.Contains(code))
        {
            _riskThisSecond += count;
        }
    }

    /// <summary>Starts a new second's counts when the clock has moved on.</summary>
    public void Tick(DateTimeOffset now) => Roll(now);

    public void Committed(int coupons, DateTimeOffset now)
    {
        Roll(now);
        _thisSecond += coupons;
        _firstCommitSinceTaken ??= now;
    }

    /// <summary>
    /// Coupons committed in the last full second, the counts by code, and the earliest commit since
    /// the last call; clears <see cref="Changed"/>.
    /// </summary>
    public (int PerSecond, ImmutableDictionary<string, int> Rejections, DateTimeOffset? FirstCommit) Take(DateTimeOffset now)
    {
        Roll(now);
        Changed = false;
        var first = _firstCommitSinceTaken;
        _firstCommitSinceTaken = null;
        return (_lastSecond, _rejections.ToImmutableDictionary(), first);
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
        _riskThisSecond = 0;
        _second = second;
    }
}
