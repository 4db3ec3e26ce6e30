using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FlashSale.Silo.Database;

/// <summary>
/// Migrates the database while the host is starting, before any hosted service starts: the silo's
/// membership, grain storage and reminders need their tables before it joins the cluster.
/// </summary>
internal sealed class SchemaMigrationService(string connectionString, ILogger<SchemaMigrationService> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) =>
        SchemaMigrations.ApplyAsync(connectionString, logger, cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
