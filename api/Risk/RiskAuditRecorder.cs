using System.Collections.Concurrent;
using FlashSale.GrainInterfaces.Risk;

namespace FlashSale.Api.Risk;

/// <summary>
/// This node's risk decisions on their way to the audit: repeats of one decision (same rule,
/// verdict and subjects) within a flush period are sent once with their count, so a flood of
/// refused requests costs the audit one row per subject per second.
/// </summary>
public sealed class RiskAuditRecorder(IClusterClient cluster, TimeProvider clock, ILogger<RiskAuditRecorder> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    private ConcurrentDictionary<Subject, Tally> _pending = new();

    public void Record(RiskVerdict verdict, string rule, Guid? campaignId, string? shopperId, string? deviceId, string? address, string evidence,
        string? fingerprint = null)
    {
        var tally = _pending.GetOrAdd(new Subject(verdict, rule, campaignId, shopperId, deviceId, address, fingerprint),
            _ => new Tally(clock.GetUtcNow(), evidence));
        Interlocked.Increment(ref tally.Occurrences);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await FlushAsync();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync();
    }

    private async Task FlushAsync()
    {
        if (_pending.IsEmpty)
        {
            return;
        }

        var taken = Interlocked.Exchange(ref _pending, new ConcurrentDictionary<Subject, Tally>());
        var decisions = taken.Select(p => new RiskDecision(p.Value.First, p.Key.Verdict, p.Key.Rule, p.Key.CampaignId, p.Key.ShopperId,
            p.Key.DeviceId, p.Key.Address, p.Value.Evidence, Math.Max(1, p.Value.Occurrences), Fingerprint: p.Key.Fingerprint)).ToArray();
        try
        {
            await cluster.GetGrain<IRiskAuditGrain>(0).Record([.. decisions]);
        }
        catch (Exception e)
        {
            RiskAuditRecorderLog.HandOverFailed(logger, e, decisions.Length);
        }
    }

    private sealed record Subject(RiskVerdict Verdict, string Rule, Guid? CampaignId, string? ShopperId, string? DeviceId, string? Address, string? Fingerprint);

    private sealed class Tally(DateTimeOffset first, string evidence)
    {
        public readonly DateTimeOffset First = first;
        public readonly string Evidence = evidence;
        public int Occurrences;
    }
}

internal static partial class RiskAuditRecorderLog
{
    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Could not hand {Count} risk decisions to the audit")]
    public static partial void HandOverFailed(ILogger logger, Exception exception, int count);
}
