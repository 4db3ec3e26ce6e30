using System.Collections.Concurrent;

namespace FlashSale.FaultInjection.Load;

/// <summary>Every claim sent and its outcome, in the order the answers came, for the checker; and running counts, for waiting on the load.</summary>
public sealed class ClaimHistory
{
    private readonly ConcurrentQueue<ClaimAttempt> _attempts = new();
    private readonly List<ClaimAttempt> _acknowledged = [];
    private readonly ConcurrentDictionary<(Guid Campaign, Outcome Outcome), long> _counts = new();
    private long _reusesAnswered;

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

    /// <summary>Claims with a key reused from another campaign that were answered.</summary>
    public long ReusesAnswered => Interlocked.Read(ref _reusesAnswered);

    /// <summary>Answers of this outcome so far from one campaign.</summary>
    public long Count(Guid campaignId, Outcome outcome) => _counts.GetValueOrDefault((campaignId, outcome));

    public void Add(ClaimAttempt attempt)
    {
        _attempts.Enqueue(attempt);
        _counts.AddOrUpdate((attempt.Request.CampaignId, attempt.Outcome), 1, (_, n) => n + 1);
        if (attempt is { Request.ReusedFrom: not null, Outcome: not Outcome.Unknown })
        {
            Interlocked.Increment(ref _reusesAnswered);
        }

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
