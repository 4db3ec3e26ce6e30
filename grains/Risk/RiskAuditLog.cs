using System.Threading.Channels;
using FlashSale.GrainInterfaces.Risk;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FlashSale.Grains.Risk;

/// <summary>
/// The silo's writer of risk decisions: grains hand decisions over without waiting, and one loop
/// inserts whatever has queued in one statement, so a burst of refusals costs a few inserts, not one
/// per refusal. Bounded: past <see cref="Capacity"/> queued decisions, new ones are counted and
/// dropped rather than let memory grow without end.
/// </summary>
public sealed class RiskAuditLog(RiskAuditStore store, ILogger<RiskAuditLog> logger) : BackgroundService
{
    private const int Capacity = 100_000;
    private const int MaxPerInsert = 2_000;

    private readonly Channel<RiskDecision> _queue = Channel.CreateBounded<RiskDecision>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private long _dropped;

    public void Record(RiskDecision decision)
    {
        if (!_queue.Writer.TryWrite(decision))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<RiskDecision>(MaxPerInsert);
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            while (batch.Count < MaxPerInsert && _queue.Reader.TryRead(out var decision))
            {
                batch.Add(decision);
            }

            try
            {
                await store.InsertAsync(batch);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                RiskAuditLogLog.WriteFailed(logger, e, batch.Count);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }

            batch.Clear();
            if (Interlocked.Exchange(ref _dropped, 0) is var dropped and > 0)
            {
                RiskAuditLogLog.QueueOverflowed(logger, dropped);
            }
        }
    }
}

internal static partial class RiskAuditLogLog
{
    [LoggerMessage(EventId = 2201, Level = LogLevel.Error, Message = "Could not write {Count} risk decisions to the audit")]
    public static partial void WriteFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "The risk audit queue was full: {Count} decisions were not recorded")]
    public static partial void QueueOverflowed(ILogger logger, long count);
}
