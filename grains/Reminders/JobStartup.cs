using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace FlashSale.Grains.Reminders;

/// <summary>
/// Starts a cluster-wide job's reminder as a silo starts (the daily reconciliation, the auditor of the books).
/// Registering it needs the database, and a start task that throws ends the silo: one restarted moments before
/// PostgreSQL crashed exited that way (the fault harness, 2026-12-04). So the silo waits for the database
/// instead, two minutes at most, serving claims meanwhile.
/// </summary>
public static partial class JobStartup
{
    public static Func<IServiceProvider, CancellationToken, Task> Of(string job, Func<IGrainFactory, Task> start) => (services, cancel) =>
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(JobStartup));
        var untilStarted = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
                BackoffType = DelayBackoffType.Constant,
                Delay = TimeSpan.FromSeconds(2),
                MaxRetryAttempts = 60,
                OnRetry = retry =>
                {
                    StartRetried(logger, retry.Outcome.Exception!, job, retry.AttemptNumber + 1);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
        var grains = services.GetRequiredService<IGrainFactory>();
        return untilStarted.ExecuteAsync(async _ => await start(grains), cancel).AsTask();
    };

    [LoggerMessage(EventId = 2513, Level = LogLevel.Warning, Message = "Starting {Job} failed ({Attempt}); retrying in 2 s")]
    private static partial void StartRetried(ILogger logger, Exception exception, string job, int attempt);
}
