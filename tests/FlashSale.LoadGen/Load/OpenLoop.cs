using System.Diagnostics;
using System.Threading.Channels;
using FlashSale.LoadGen.Stats;

namespace FlashSale.LoadGen.Load;

/// <summary>
/// Requests fall due at fixed times, 1/rate apart, whatever the server does: a pacer puts each one on a
/// queue when it is due and the workers (one per connection) take them off. When every connection is
/// busy the queue grows, and since latency counts from the due time, a stalled server shows as the
/// latency its users would see instead of as requests never sent (no coordinated omission).
/// </summary>
public static class OpenLoop
{
    public static async Task RunAsync(IReadOnlyList<ClaimSender> workers, RunWindow window, RequestBudget budget, double rate, TimeSpan drainLimit, RunStats stats)
    {
        var due = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleWriter = true });
        var giveUpAt = long.MaxValue;
        // A thread of its own: the pacer sleeps between releases and must not wait for a pool thread to wake.
        var pacer = new Thread(() =>
        {
            Pace(due.Writer, window, budget, rate, stats);
            // Whatever is still queued this long after the last request fell due is given up on, so a dead
            // server cannot keep the run going for as long as its backlog would take.
            Volatile.Write(ref giveUpAt, Stopwatch.GetTimestamp() + RunWindow.Ticks(drainLimit));
        })
        { IsBackground = true, Name = "open-loop pacer" };
        pacer.Start();
        await Task.WhenAll(workers.Select(worker => Task.Run(async () =>
        {
            await foreach (var dueAt in due.Reader.ReadAllAsync())
            {
                stats.RequestDequeued();
                if (Stopwatch.GetTimestamp() > Volatile.Read(ref giveUpAt))
                {
                    worker.GiveUp(dueAt, window.IsMeasured(dueAt));
                    continue;
                }

                await worker.SendAsync(dueAt, window.IsMeasured(dueAt));
            }
        })));
    }

    /// <remarks>
    /// Sleeping in 1 ms steps releases a request up to about a millisecond after it fell due; its latency
    /// still counts from the due time, so pacing jitter can only make the server look slower, never faster.
    /// </remarks>
    private static void Pace(ChannelWriter<long> due, RunWindow window, RequestBudget budget, double rate, RunStats stats)
    {
        var interval = Stopwatch.Frequency / rate;
        for (long n = 0; ; n++)
        {
            var dueAt = window.Start + (long)(n * interval);
            if (window.IsOver(dueAt) || (window.IsMeasured(dueAt) && !budget.TryTake()))
            {
                break;
            }

            while (Stopwatch.GetTimestamp() < dueAt)
            {
                Thread.Sleep(1);
            }

            stats.RequestQueued();
            due.TryWrite(dueAt);
        }

        due.Complete();
    }
}
