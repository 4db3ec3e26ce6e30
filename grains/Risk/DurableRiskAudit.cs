using System.Threading.Channels;
using FlashSale.GrainInterfaces.Risk;
using Microsoft.Extensions.Hosting;

namespace FlashSale.Grains.Risk;

/// <summary>
/// The silo's group commit for decisions that must be on record before the claim hears them (a refusal
/// or a challenge by a rule): callers queue and wait; one loop inserts everything queued in one statement
/// and then answers them all. A failed insert fails every caller in it, so the claim is answered 503
/// (retry) rather than refused with no record of why.
/// </summary>
public sealed class DurableRiskAudit(RiskAuditStore store) : BackgroundService
{
    private const int MaxPerInsert = 2_000;

    // Waits rather than drops when full: these decisions are promised to the audit.
    private readonly Channel<(IReadOnlyList<RiskDecision> Decisions, TaskCompletionSource Stored)> _queue =
        Channel.CreateBounded<(IReadOnlyList<RiskDecision>, TaskCompletionSource)>(
            new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    public async Task RecordAsync(IReadOnlyList<RiskDecision> decisions)
    {
        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync((decisions, stored));
        await stored.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(IReadOnlyList<RiskDecision> Decisions, TaskCompletionSource Stored)>();
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            var count = 0;
            while (count < MaxPerInsert && _queue.Reader.TryRead(out var waiting))
            {
                batch.Add(waiting);
                count += waiting.Decisions.Count;
            }

            try
            {
                await store.InsertAsync([.. batch.SelectMany(w => w.Decisions)]);
                batch.ForEach(w => w.Stored.TrySetResult());
            }
            catch (Exception e)
            {
                batch.ForEach(w => w.Stored.TrySetException(e));
            }

            batch.Clear();
        }
    }
}
