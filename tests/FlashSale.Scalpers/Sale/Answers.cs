using System.Collections.Concurrent;
using FlashSale.LoadGen.Stats;

namespace FlashSale.Scalpers.Sale;

/// <summary>One population's claim answers: counted by outcome, timed from sending to the whole answer.</summary>
public sealed class Answers
{
    private readonly ConcurrentDictionary<string, long> _outcomes = new(StringComparer.Ordinal);

    private long _firstSoldOutTicks = long.MaxValue;

    public LatencyHistogram Latency { get; } = new();

    /// <summary>When the first sold_out answer came; null when none did.</summary>
    public DateTimeOffset? FirstSoldOut => Interlocked.Read(ref _firstSoldOutTicks) is var ticks && ticks != long.MaxValue
        ? new DateTimeOffset(ticks, TimeSpan.Zero)
        : null;

    public IReadOnlyDictionary<string, long> Outcomes => new SortedDictionary<string, long>(_outcomes, StringComparer.Ordinal);

    public long Count(string outcome) => _outcomes.GetValueOrDefault(outcome);

    public long Total => _outcomes.Values.Sum();

    public void Add(ClaimAnswer answer, long sentAt, long answeredAt)
    {
        _outcomes.AddOrUpdate(answer.Outcome, 1, (_, n) => n + 1);
        if (answer.Code == "sold_out")
        {
            var now = DateTimeOffset.UtcNow.UtcTicks;
            var seen = Interlocked.Read(ref _firstSoldOutTicks);
            while (now < seen && Interlocked.CompareExchange(ref _firstSoldOutTicks, now, seen) != seen)
            {
                seen = Interlocked.Read(ref _firstSoldOutTicks);
            }
        }

        if (answer.Status != 0)
        {
            Latency.Record(sentAt, answeredAt);
        }
    }
}
