using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FlashSale.Silo.Health;

/// <summary>
/// Ready while this silo is active in the cluster's membership: not before it has joined, and no
/// longer once it is shutting down or has been declared dead by the others.
/// </summary>
public sealed class SiloMembershipHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"Silo {silo.SiloAddress} is active in cluster {silo.ClusterId}.")
            : HealthCheckResult.Unhealthy($"Silo {silo.SiloAddress} is {status} in cluster {silo.ClusterId}."));
    }
}
