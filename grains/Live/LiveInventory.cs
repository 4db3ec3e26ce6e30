using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Claims;

namespace FlashSale.Grains.Live;

/// <summary>
/// What a campaign grain counts for its dashboards and results: refusals by code (and which are not
/// saved yet), coupons committed per second, and whether anything changed since the last snapshot.
/// </summary>
internal sealed class LiveInventory
{
    private readonly Dictionary<string, int> _rejections = new(StringComparer.Ordinal);
    // Refusals counted since the last save to the campaign's results.
    private readonly Dictionary<string, int> _unsaved = new(StringComparer.Ordinal);
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
        _unsaved[code] = _unsaved.GetValueOrDefault(code) + count;
        if (RiskCodes.Contains(code))
        {
            _riskThisSecond += count;
        }
    }

    /// <summary>Refusals of earlier activations, as the campaign's results kept them.</summary>
    public void Restore(IReadOnlyDictionary<string, long> saved)
    {
        foreach (var (code, count) in saved)
        {
            _rejections[code] = (int)Math.Min(int.MaxValue, _rejections.GetValueOrDefault(code) + count);
        }
    }

    /// <summary>Refusals counted since the last call, to be saved; null when there are none.</summary>
    public Dictionary<string, int>? TakeUnsaved()
    {
        if (_unsaved.Count == 0)
        {
            return null;
        }

        var unsaved = new Dictionary<string, int>(_unsaved, StringComparer.Ordinal);
        _unsaved.Clear();
        return unsaved;
    }

    /// <summary>Counts whose save failed, to be saved with the next ones.</summary>
    public void Unsaved(IReadOnlyDictionary<string, int> counts)
    {
        foreach (var (code, count) in counts)
        {
            _unsaved[code] = _unsaved.GetValueOrDefault(code) + count;
        }
    }

    /// <summary>Every refusal so far, by code: earlier activations' and this one's.</summary>
    public ImmutableDictionary<string, long> Totals() => _rejections.ToImmutableDictionary(r => r.Key, r => (long)r.Value, StringComparer.Ordinal);

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
