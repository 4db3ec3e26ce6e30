using FlashSale.GrainInterfaces.Sales;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace FlashSale.Grains.Sales;

/// <summary>
/// Starts the daily reconciliation's reminder as a silo starts. Registering it needs the database, and a start task
/// that throws ends the silo: one restarted moments before PostgreSQL crashed exited that way (the fault harness,
/// 2026-12-04). So the silo waits for the database instead, two minutes at most, serving claims meanwhile.
/// </summary>
public static class ReconciliationStartup
{
    public static Task StartAsync(IServiceProvider services, CancellationToken cancel)
    {
        var logger = services.GetRequiredService<ILogger<ReconciliationJobGrain>>();
        var job = services.GetRequiredService<IGrainFactory>().GetGrain<IReconciliationJobGrain>(0);
        var untilStarted = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
                BackoffType = DelayBackoffType.Constant,
                Delay = TimeSpan.FromSeconds(2),
                MaxRetryAttempts = 60,
                OnRetry = retry =>
                {
                    ReconciliationLog.StartRetried(logger, retry.Outcome.Exception!, retry.AttemptNumber + 1);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
        return untilStarted.ExecuteAsync(async _ => await job.Start(), cancel).AsTask();
    }
}
