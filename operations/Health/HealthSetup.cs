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
        return services.AddHealthChecks().AddReadyCheck("database",
            provider => new DatabaseHealthCheck(provider.GetRequiredKeyedService<Npgsql.NpgsqlDataSource>(HealthDatabase)));
    }

    /// <summary>A readiness check of <typeparamref name="T"/>, shared by concurrent probes (see <see cref="SharedHealthCheck"/>).</summary>
    public static IHealthChecksBuilder AddReadyCheck<T>(this IHealthChecksBuilder builder, string name) where T : class, IHealthCheck =>
        builder.AddReadyCheck(name, provider => ActivatorUtilities.CreateInstance<T>(provider));

    /// <summary>How long a readiness check may take before it counts as failed.</summary>
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(3);

    private static IHealthChecksBuilder AddReadyCheck(this IHealthChecksBuilder builder, string name, Func<IServiceProvider, IHealthCheck> create)
    {
        // One per process: the framework asks the registration for a check on every run, and the sharing lives in the instance.
        var key = "health:" + name;
        builder.Services.AddKeyedSingleton(key, (provider, _) =>
            new SharedHealthCheck(create(provider), provider.GetService<TimeProvider>() ?? TimeProvider.System));
        return builder.Add(new HealthCheckRegistration(name, provider => provider.GetRequiredKeyedService<SharedHealthCheck>(key),
            HealthStatus.Unhealthy, [Ready], ReadyTimeout));
    }

    public static void MapFlashSaleHealth(this IEndpointRouteBuilder app)
    {
        // Probes are never rate limited: a throttled probe would take a healthy node out of service.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthJson.WriteAsync })
            .DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = HealthJson.WriteAsync })
            .DisableRateLimiting();
    }
}
