using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FlashSale.Operations.Health;

/// <summary>
/// A readiness check run once for every request that asks while it runs, and whose answer is
/// reused for <see cref="ReuseFor"/> after it: however many probes arrive, each dependency sees at
/// most one at a time. Run once per request, a flood of probes queued for the database check's two
/// connections (and, on an API node, for membership reads in the cluster) until the checks timed
/// out and a healthy node answered 503. Throttling the endpoint instead would not do: a 429 fails a
/// Kubernetes probe just as a 503 does.
/// </summary>
public sealed class SharedHealthCheck(IHealthCheck check, TimeProvider clock) : IHealthCheck
{
    /// <summary>Short against the probes' period (5 s in deploy/k8s), so an outage still shows within a second.</summary>
    public static readonly TimeSpan ReuseFor = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private Task<HealthCheckResult>? _probe;
    private long _answeredAt;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        Task<HealthCheckResult> probe;
        lock (_lock)
        {
            if (_probe is null || (_probe.IsCompleted && clock.GetElapsedTime(Volatile.Read(ref _answeredAt)) >= ReuseFor))
            {
                _probe = ProbeAsync(context);
            }

            probe = _probe;
        }

        // Each request waits as long as its own timeout allows; the probe runs on for the others.
        return probe.WaitAsync(cancellationToken);
    }

    private async Task<HealthCheckResult> ProbeAsync(HealthCheckContext context)
    {
        // Its own timeout rather than the first request's token: that request going away must not fail everyone's answer.
        using var timeout = new CancellationTokenSource(context.Registration.Timeout);
        try
        {
            // Off the caller's thread: a check's synchronous start must not run under the lock.
            await Task.Yield();
            return await check.CheckHealthAsync(context, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"No answer within {context.Registration.Timeout.TotalSeconds:0.#} s.");
        }
        finally
        {
            Volatile.Write(ref _answeredAt, clock.GetTimestamp());
        }
    }
}
