using EvolveDb.Configuration;
using EvolveDb.Dialect;
using EvolveDb.Migration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Polly;
using Polly.Retry;

namespace FlashSale.Silo.Database;

/// <summary>
/// Brings a database to this build's schema with Evolve: each migration under
/// <c>Database/Migrations</c> runs once, in version order, in its own transaction together with its
/// row in the journal table (<see cref="JournalTable"/>, with the script's checksum, so an edited
/// released script stops the silo instead of being skipped or run twice).
/// </summary>
/// <remarks>
/// Safe to call from every silo at every start: silos take turns under one advisory lock, and a
/// database that is up to date costs a few reads and takes no table lock, so a silo restarting into
/// a cluster serving a sale never stalls its claims. A pending migration that needs a table lock
/// asks for it with a short <c>lock_timeout</c> and retries later, rather than queueing behind a
/// group commit, where it would hold up every claim behind it.
/// </remarks>
public static class SchemaMigrations
{
    public const string JournalTable = "schema_migrations";

    /// <summary>
    /// The key the hand-written installer of earlier releases locked, so that a silo of the old
    /// release restarting during a rolling upgrade waits for the new migrations, and they for it.
    /// </summary>
    private const long MigrationLockKey = 0x466C61736853616CL; // "FlashSal"

    /// <summary>How long one statement of a migration waits for a table lock before it gives up and retries.</summary>
    public static readonly TimeSpan LockTimeout = TimeSpan.FromMilliseconds(500);

    public static Task ApplyAsync(string connectionString, ILogger? logger = null, CancellationToken cancellationToken = default) =>
        ApplyAsync(connectionString, [MigrationSource.Release], logger, cancellationToken);

    public static async Task ApplyAsync(
        string connectionString, IReadOnlyList<MigrationSource> sources, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        logger ??= NullLogger.Instance;
        // Unpooled, so that closing it ends the session and so releases the lock, whatever happened.
        await using var lockConnection = new NpgsqlConnection(Unpooled(connectionString, "flashsale-migrations-lock"));
        await lockConnection.OpenAsync(cancellationToken);
        await using (var takeLock = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockKey})", lockConnection))
        {
            await takeLock.ExecuteNonQueryAsync(cancellationToken);
        }

        if (await ReleasedSchema.IsUnjournaledBaselineAsync(lockConnection, cancellationToken))
        {
            SchemaMigrationsLog.RecordingBaseline(logger, ReleasedSchema.BaselineVersion);
            var baseline = Migrator(connectionString, sources, logger);
            baseline.SkipNextMigrations = true;
            baseline.TargetVersion = new MigrationVersion(ReleasedSchema.BaselineVersion);
            baseline.Migrate();
        }

        var migrator = Migrator(connectionString, sources, logger);
        LockRetry(logger).Execute(static (migrate, _) => migrate.Migrate(), migrator, cancellationToken);
    }

    private static EvolveDb.Evolve Migrator(string connectionString, IReadOnlyList<MigrationSource> sources, ILogger logger)
    {
        var settings = new NpgsqlConnectionStringBuilder(Unpooled(connectionString, "flashsale-migrations"));
        settings.Options = $"{settings.Options} -c lock_timeout={(int)LockTimeout.TotalMilliseconds}".Trim();
        return new EvolveDb.Evolve(new NpgsqlConnection(settings.ConnectionString), message => SchemaMigrationsLog.Evolve(logger, message), DBMS.PostgreSQL)
        {
            EmbeddedResourceAssemblies = sources.Select(source => source.Assembly).Distinct().ToList(),
            EmbeddedResourceFilters = sources.Select(source => source.ResourcePrefix).ToList(),
            MetadataTableName = JournalTable,
            TransactionMode = TransactionKind.CommitEach,
            // The advisory lock above already makes silos take turns; Evolve's own polls every 3 s.
            EnableClusterMode = false,
            IsEraseDisabled = true,
            // A migration may rewrite a large table; only waiting for locks is kept short.
            CommandTimeout = (int)TimeSpan.FromHours(1).TotalSeconds,
        };
    }

    private static ResiliencePipeline LockRetry(ILogger logger) => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(WaitedForLocks),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(250),
            MaxDelay = TimeSpan.FromSeconds(5),
            // About two minutes of live traffic holding the locks before the silo gives up and says so.
            MaxRetryAttempts = 30,
            OnRetry = retry =>
            {
                SchemaMigrationsLog.WaitingForLocks(logger, LockTimeout, retry.AttemptNumber + 2, retry.RetryDelay);
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    /// <summary>lock_timeout ran out, or a deadlock was broken: nothing was applied, and trying again later is safe.</summary>
    private static bool WaitedForLocks(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.DeadlockDetected })
            {
                return true;
            }
        }

        return false;
    }

    private static string Unpooled(string connectionString, string applicationName) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = applicationName }.ConnectionString;
}

internal static partial class SchemaMigrationsLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "The database was installed by the last release before migrations; recording migrations up to {Baseline} as applied.")]
    public static partial void RecordingBaseline(ILogger logger, string baseline);

    // Evolve's own progress lines (which migration runs, how long it took), passed through as they are.
    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "{Migration}")]
    public static partial void Evolve(ILogger logger, string migration);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning,
        Message = "A migration could not get its table locks within {LockTimeout}; attempt {Attempt} again in {Delay}.")]
    public static partial void WaitingForLocks(ILogger logger, TimeSpan lockTimeout, int attempt, TimeSpan delay);
}
