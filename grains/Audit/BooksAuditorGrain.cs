using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Audit;
using FlashSale.GrainInterfaces.Live;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlashSale.Grains.Audit;

/// <inheritdoc cref="IBooksAuditorGrain"/>
/// <remarks>
/// A durable reminder brings it back after its silo dies (at most a minute later); while active, a timer runs a pass
/// every <see cref="AuditOptions.Period"/>. Each breach is raised once, when first found: an operator alert on the
/// live hub, the <c>flashsale.audit.breaches</c> metric and an error in the log with the offending rows.
/// </remarks>
public sealed class BooksAuditorGrain(BooksAudit audit, IOptions<AuditOptions> options, TimeProvider clock, ILogger<BooksAuditorGrain> logger)
    : Grain, IBooksAuditorGrain, IRemindable
{
    private const string KeepAlive = "books-audit";
    private const int BreachesKept = 1_000;
    private readonly HashSet<(string Invariant, string Subject)> _found = [];
    private readonly Queue<InvariantBreach> _breaches = new();
    private IGrainTimer? _timer;
    private AuditReport _report = new(null, 0, 0, ImmutableDictionary<string, int>.Empty, []);

    public async Task Start()
    {
        if (await this.GetReminder(KeepAlive) is null)
        {
            await this.RegisterOrUpdateReminder(KeepAlive, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }
    }

    public Task<AuditReport> Report() => Task.FromResult(_report with { Breaches = [.. _breaches] });

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var period = options.Value.Period;
        _timer = this.RegisterGrainTimer(PassAsync, new GrainTimerCreationOptions { DueTime = period, Period = period, KeepAlive = true });
        return Task.CompletedTask;
    }

    private async Task PassAsync(CancellationToken cancel)
    {
        var started = clock.GetTimestamp();
        AuditPass pass;
        try
        {
            pass = await audit.RunAsync(cancel);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database away: the next pass tries again, from where the last one that ran left off.
            BooksAuditLog.PassFailed(logger, e);
            return;
        }

        var took = clock.GetElapsedTime(started);
        AuditMetrics.Passed(took);
        foreach (var breach in pass.Breaches.Where(b => _found.Add((b.Invariant, b.Subject))))
        {
            AuditMetrics.Found(breach.Invariant);
            BooksAuditLog.Breached(logger, breach.Invariant, breach.Subject, breach.Detail, breach.Rows);
            _breaches.Enqueue(breach);
            if (_breaches.Count > BreachesKept)
            {
                _breaches.Dequeue();
            }

            await GrainFactory.GetGrain<ILiveHubGrain>(0).OperatorAlert(new OperatorAlert(breach.CampaignId ?? Guid.Empty, "invariant_breach",
                null, 0, breach.FoundAt, $"{breach.Invariant}: {breach.Subject}: {breach.Detail}"));
        }

        _report = new AuditReport(clock.GetUtcNow(), took.TotalMilliseconds, _report.Passes + 1, pass.Judged, []);
    }
}

internal static partial class BooksAuditLog
{
    [LoggerMessage(EventId = 2601, Level = LogLevel.Error, Message = "Invariant {Invariant} broken by {Subject}: {Detail}; rows: {Rows}")]
    public static partial void Breached(ILogger logger, string invariant, string subject, string detail, string rows);

    [LoggerMessage(EventId = 2602, Level = LogLevel.Warning, Message = "An audit pass failed; the next one tries again")]
    public static partial void PassFailed(ILogger logger, Exception exception);
}
