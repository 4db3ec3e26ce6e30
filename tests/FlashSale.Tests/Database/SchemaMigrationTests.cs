using System.Diagnostics;
using EvolveDb;
using FlashSale.Silo.Database;
using FlashSale.Tests.Infrastructure;
using Npgsql;

namespace FlashSale.Tests.Database;

[Trait("Tier", "Integration")]
public sealed class SchemaMigrationTests
{
    private static readonly MigrationSource LockProbe = new(typeof(SchemaMigrationTests).Assembly, "TestMigrations.");

    [Fact]
    public async Task Silos_starting_together_on_an_empty_database_apply_each_migration_once_and_again_change_nothing()
    {
        var connectionString = await TestDatabase.EmptyDatabaseAsync("migrations_together");
        await using var database = NpgsqlDataSource.Create(connectionString);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => SchemaMigrations.ApplyAsync(connectionString))));
        var shape = await SchemaShape.ReadAsync(database);
        var journal = await MigrationHistory.JournalAsync(database);
        await SchemaMigrations.ApplyAsync(connectionString);

        Assert.Equal(MigrationHistory.Released().Select(m => m.Name), journal.Select(row => row.Name), StringComparer.Ordinal);
        Assert.All(journal, row => Assert.True(row.Success));
        Assert.Equal(journal, await MigrationHistory.JournalAsync(database));
        Assert.Equal(shape, await SchemaShape.ReadAsync(database));
        Assert.Contains("issue_coupons", shape);
        Assert.Contains("orleans_membership", shape);
    }

    [Fact]
    public async Task A_silo_restarting_into_a_cluster_serving_claims_does_not_wait_for_their_table_locks()
    {
        var connectionString = await TestDatabase.ConnectionStringAsync();
        await using var database = await TestDatabase.OpenAsync();
        await using var claim = await database.OpenConnectionAsync();
        await using var inFlight = await claim.BeginTransactionAsync();
        // What a group commit holds while it writes: any DDL's exclusive lock would queue behind it.
        await using (var hold = new NpgsqlCommand("LOCK TABLE coupons, campaign_stock IN ROW EXCLUSIVE MODE", claim, inFlight))
        {
            await hold.ExecuteNonQueryAsync();
        }

        await SchemaMigrations.ApplyAsync(connectionString).WaitAsync(TimeSpan.FromSeconds(20));
        await inFlight.RollbackAsync();
    }

    [Fact]
    public async Task A_pending_migration_that_needs_a_lock_a_claim_holds_never_holds_up_the_claims_behind_it_and_lands_once_free()
    {
        var connectionString = await TestDatabase.EmptyDatabaseAsync("migrations_lock_probe");
        await SchemaMigrations.ApplyAsync(connectionString);
        await using var database = NpgsqlDataSource.Create(connectionString);
        await using var groupCommit = await database.OpenConnectionAsync();
        var inFlight = await groupCommit.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("LOCK TABLE coupons IN ROW EXCLUSIVE MODE", groupCommit, inFlight))
        {
            await hold.ExecuteNonQueryAsync();
        }

        var migrating = Task.Run(() => SchemaMigrations.ApplyAsync(connectionString, [MigrationSource.Release, LockProbe]));
        // Claims keep taking the same lock while the migration waits: without lock_timeout, the
        // migration's queued ACCESS EXCLUSIVE request would stop every one of them until the group
        // commit ended. Long enough for the migration to give up and ask again several times.
        var waits = new List<TimeSpan>();
        await using var claims = await database.OpenConnectionAsync();
        var deadline = Stopwatch.StartNew();
        while (await FailedAttemptsAsync(database) < 3)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "The migration never gave up waiting for its lock.");
            waits.Add(await TakeClaimLockAsync(claims));
            Assert.False(migrating.IsCompleted, "The migration finished while a group commit held its table.");
        }

        Assert.All(waits, wait => Assert.True(wait < SchemaMigrations.LockTimeout + TimeSpan.FromSeconds(1), $"A claim waited {wait} for its lock."));
        await inFlight.CommitAsync();
        await migrating.WaitAsync(TimeSpan.FromSeconds(60));

        var journal = await MigrationHistory.JournalAsync(database);
        Assert.Equal("V900__lock_probe.sql", journal.Last().Name);
        Assert.True(journal.Last().Success);
        await using var column = database.CreateCommand("SELECT count(*) FROM information_schema.columns WHERE table_name = 'coupons' AND column_name = 'lock_probe'");
        Assert.Equal(1L, await column.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_released_migration_edited_after_it_ran_stops_the_silo_with_its_name()
    {
        var connectionString = await TestDatabase.EmptyDatabaseAsync("migrations_edited");
        await SchemaMigrations.ApplyAsync(connectionString);
        await using var database = NpgsqlDataSource.Create(connectionString);
        // As if V012's text had changed since this database ran it.
        await using (var edit = database.CreateCommand($"UPDATE {SchemaMigrations.JournalTable} SET checksum = 'edited' WHERE name = 'V012__wallet.sql'"))
        {
            Assert.Equal(1, await edit.ExecuteNonQueryAsync());
        }

        var refusal = await Assert.ThrowsAsync<EvolveValidationException>(() => SchemaMigrations.ApplyAsync(connectionString));
        Assert.Contains("V012__wallet.sql", refusal.Message);
    }

    /// <summary>
    /// Every database that ran a released migration holds its checksum and refuses to start when the
    /// text changes: a change to the schema is a new migration. This list is how a pull request
    /// hears that before any database does.
    /// </summary>
    [Fact]
    public void Released_migrations_are_never_edited_and_every_migration_is_listed_as_released()
    {
        var listPath = Path.Combine(Repo.Root, "silo", "Database", "Migrations", "released-checksums.txt");
        var released = File.ReadLines(listPath)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);
        var embedded = MigrationHistory.Released();

        Assert.All(released, entry =>
        {
            var script = embedded.SingleOrDefault(m => m.Name == entry.Key);
            Assert.True(script is not null, $"{entry.Key} was released and must not be removed or renamed.");
            Assert.True(script.Checksum == entry.Value, $"{entry.Key} was released and must not be edited: write a new migration instead.");
        });
        Assert.All(embedded, script => Assert.True(released.ContainsKey(script.Name),
            $"{script.Name} is new: add the line '{script.Name} {script.Checksum}' to {listPath}; from then on it may not change."));
    }

    /// <summary>Times the lock every group commit takes on coupons, in a transaction of its own.</summary>
    private static async Task<TimeSpan> TakeClaimLockAsync(NpgsqlConnection connection)
    {
        var watch = Stopwatch.StartNew();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("LOCK TABLE coupons IN ROW EXCLUSIVE MODE", connection, transaction) { CommandTimeout = 10 };
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return watch.Elapsed;
    }

    /// <summary>Evolve journals each attempt that failed (here: ran out of lock_timeout) as a row with success false.</summary>
    private static async Task<long> FailedAttemptsAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand($"SELECT count(*) FROM {SchemaMigrations.JournalTable} WHERE name = 'V900__lock_probe.sql' AND NOT success");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
