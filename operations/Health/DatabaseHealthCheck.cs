using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace FlashSale.Operations.Health;

/// <summary>
/// Ready only while PostgreSQL answers a query. Runs on a small pool of its own, so that a
/// probe never waits behind the claim path's connections nor takes one from it.
/// </summary>
public sealed class DatabaseHealthCheck(NpgsqlDataSource database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = database.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("PostgreSQL answers.");
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer.", e);
        }
    }

    /// <summary>The probe's own connections: at most two, each given up after the connect timeout.</summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString) =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = 2,
            Timeout = 2,
            CommandTimeout = 2,
            ApplicationName = "flashsale-health",
        }.ConnectionString);
}
