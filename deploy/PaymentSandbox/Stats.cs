using System.Collections.Concurrent;

namespace FlashSale.PaymentSandbox;

internal enum Counter
{
    Created,
    Paid,
    LatePaid,
    Closed,
    Refunds,
    Notifications,
    Dropped,
    NotificationsSent,
    Acknowledged,
    Abandoned,
    ProbesSent,
    ProbesAccepted,
    Pending,
}

/// <summary>What /sandbox/stats shows of one channel; tests compare it with what the merchant believes happened.</summary>
internal sealed record ChannelStatsView(
    long Created, long Paid, long LatePaid, long Closed, long Refunds, long Notifications, long Dropped, long NotificationsSent,
    long Acknowledged, long Abandoned, long ProbesSent, long ProbesAccepted, long Pending);

/// <summary>Counters of one channel, bumped without locks from requests and deliveries alike.</summary>
internal sealed class ChannelStats
{
    private readonly long[] _counts = new long[Enum.GetValues<Counter>().Length];

    public void Add(Counter counter, long delta = 1) => Interlocked.Add(ref _counts[(int)counter], delta);

    public ChannelStatsView View()
    {
        long Read(Counter counter) => Interlocked.Read(ref _counts[(int)counter]);
        return new ChannelStatsView(
            Read(Counter.Created), Read(Counter.Paid), Read(Counter.LatePaid), Read(Counter.Closed), Read(Counter.Refunds),
            Read(Counter.Notifications), Read(Counter.Dropped), Read(Counter.NotificationsSent), Read(Counter.Acknowledged),
            Read(Counter.Abandoned), Read(Counter.ProbesSent), Read(Counter.ProbesAccepted), Read(Counter.Pending));
    }
}

internal sealed class Stats
{
    private readonly ConcurrentDictionary<string, ChannelStats> _byChannel = new(StringComparer.Ordinal);

    public ChannelStats For(PaymentChannel channel) => _byChannel.GetOrAdd(channel.Name, static _ => new ChannelStats());
}
