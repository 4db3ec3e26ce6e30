using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FlashSale.Operations.Health;

/// <summary>
/// <c>/health/live</c> answers while the process runs and checks nothing, so that an outage of a
/// dependency never gets pods restarted; <c>/health/ready</c> runs the checks tagged
/// <see cref="Ready"/> and answers 503 when one fails, so that traffic goes elsewhere meanwhile.
/// </summary>
public static class HealthSetup
{
    public const string Ready = "ready";

    private const string HealthDatabase = "health";

    /// <summary>The readiness checks every process has (PostgreSQL); each process adds its own view of the cluster.</summary>
    public static IHealthChecksBuilder AddFlashSaleHealth(this IServiceCollection services, string connectionString)
    {
        services.AddKeyedSingleton(HealthDatabase, (_, _) => DatabaseHealthCheck.CreateDataSource(connectionString));
        return services.AddHealthChecks().Add(new HealthCheckRegistration("database",
            provider => new DatabaseHealthCheck(provider.GetRequiredKeyedService<Npgsql.NpgsqlDataSource>(HealthDatabase)),
            HealthStatus.Unhealthy, [Ready], ReadyTimeout));
    }

    /// <summary>How long a readiness check may take before it counts as failed.</summary>
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(3);

    public static void MapFlashSaleHealth(this IEndpointRouteBuilder app)
    {
        // Probes are never rate limited: a throttled probe would take a healthy node out of service.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthJson.WriteAsync })
            .DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = HealthJson.WriteAsync })
            .DisableRateLimiting();
    }
}
