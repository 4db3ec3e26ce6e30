using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace FlashSale.LoadGen.Stats;

/// <summary>
/// The counts of a run. The progress counters cover every request, warm-up included; the outcomes,
/// failures and latencies cover the measured ones only.
/// </summary>
public sealed class RunStats
{
    private readonly ConcurrentDictionary<(int Status, string Code), StrongBox<long>> _outcomes = new();
    private long _succeeded;
    private long _refused;
    private long _errors;
    private long _queued;
    private long _measured;
    private long _issued;
    private long _transportErrors;
    private long _timeouts;
    private long _unsent;

    /// <summary>From each request's start (closed loop) or due time (open loop) to its answer.</summary>
    public LatencyHistogram Latency { get; } = new();

    /// <summary>From the moment each request was actually sent to its answer; differs from <see cref="Latency"/> in open loop only.</summary>
    public LatencyHistogram ServiceTime { get; } = new();

    public long Succeeded => Interlocked.Read(ref _succeeded);
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>5xx answers and requests with no answer.</summary>
    public long Errors => Interlocked.Read(ref _errors);

    public long Completed => Succeeded + Refused + Errors;

    /// <summary>Open loop: requests due but waiting for a free connection.</summary>
    public long Queued => Interlocked.Read(ref _queued);

    public long Measured => Interlocked.Read(ref _measured);

    /// <summary>Measured answers that issued a new coupon (replays excluded).</summary>
    public long Issued => Interlocked.Read(ref _issued);

    public long TransportErrors => Interlocked.Read(ref _transportErrors);
    public long Timeouts => Interlocked.Read(ref _timeouts);
    public long Unsent => Interlocked.Read(ref _unsent);

    public void RequestQueued() => Interlocked.Increment(ref _queued);

    public void RequestDequeued() => Interlocked.Decrement(ref _queued);

    /// <param name="code">The refusal's code, or for a yes: empty, or <c>replayed</c> when it answered a replay.</param>
    public void Answered(bool measured, int status, string code, bool issuedCoupon, long latencyFrom, long sentAt, long answeredAt)
    {
        Interlocked.Increment(ref status < 400 ? ref _succeeded : ref status < 500 ? ref _refused : ref _errors);
        if (!measured)
        {
            return;
        }

        Interlocked.Increment(ref _measured);
        Interlocked.Increment(ref _outcomes.GetOrAdd((status, code), static _ => new StrongBox<long>()).Value);
        if (issuedCoupon)
        {
            Interlocked.Increment(ref _issued);
        }

        Latency.Record(latencyFrom, answeredAt);
        ServiceTime.Record(sentAt, answeredAt);
    }

    /// <param name="sentAt">When it went out; null if it never did.</param>
    public void Failed(bool measured, Failure failure, long latencyFrom, long? sentAt, long now)
    {
        Interlocked.Increment(ref _errors);
        if (!measured)
        {
            return;
        }

        Interlocked.Increment(ref _measured);
        Interlocked.Increment(ref failure == Failure.Transport ? ref _transportErrors : ref failure == Failure.Timeout ? ref _timeouts : ref _unsent);
        // A failure took at least this long: leaving it out would flatter the tail.
        Latency.Record(latencyFrom, now);
        if (sentAt is { } sent)
        {
            ServiceTime.Record(sent, now);
        }
    }

    /// <summary>Measured answers by status and code, e.g. <c>201</c>, <c>201 replayed</c>, <c>409 sold_out</c>.</summary>
    public IReadOnlyDictionary<string, long> Outcomes() => _outcomes
        .OrderBy(o => o.Key.Status).ThenBy(o => o.Key.Code, StringComparer.Ordinal)
        .ToDictionary(o => o.Key.Code.Length == 0 ? $"{o.Key.Status}" : $"{o.Key.Status} {o.Key.Code}", o => o.Value.Value, StringComparer.Ordinal);
}
