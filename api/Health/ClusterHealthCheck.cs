using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FlashSale.Api.Health;

/// <summary>
/// Ready while this node's Orleans client reaches the cluster and the cluster has an active silo:
/// one call to the management grain, which fails at once when no gateway is connected.
/// </summary>
public sealed class ClusterHealthCheck(IClusterClient cluster) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var silos = await cluster.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(cancellationToken);
            return silos.Count > 0
                ? HealthCheckResult.Healthy($"{silos.Count} active silo(s).")
                : HealthCheckResult.Unhealthy("The cluster has no active silo.");
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The cluster cannot be reached.", e);
        }
    }
}
