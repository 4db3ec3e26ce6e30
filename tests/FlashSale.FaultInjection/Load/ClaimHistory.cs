using System.Collections.Concurrent;

namespace FlashSale.FaultInjection.Load;

/// <summary>Every request the load sent and its outcome, in the order the answers came, for the checker.</summary>
public sealed class ClaimHistory
{
    private readonly ConcurrentQueue<ClaimAttempt> _attempts = new();
    private readonly List<ClaimAttempt> _acknowledged = [];

    public long AcknowledgedCount
    {
        get
        {
            lock (_acknowledged)
            {
                return _acknowledged.Count;
            }
        }
    }

    public IReadOnlyCollection<ClaimAttempt> Attempts => _attempts;

    public void Add(ClaimAttempt attempt)
    {
        _attempts.Enqueue(attempt);
        if (attempt is { Outcome: Outcome.Acknowledged, Request.IsReplay: false })
        {
            lock (_acknowledged)
            {
                _acknowledged.Add(attempt);
            }
        }
    }

    /// <summary>An acknowledged claim to send again with its key, or null before the first.</summary>
    public ClaimAttempt? AnyAcknowledged(Random random)
    {
        lock (_acknowledged)
        {
            return _acknowledged.Count == 0 ? null : _acknowledged[random.Next(_acknowledged.Count)];
        }
    }
}
