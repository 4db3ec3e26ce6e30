using FlashSale.Silo.Database;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Database;

public sealed class SchemaInstallerTests
{
    [Fact]
    public async Task Applying_the_schema_again_and_from_several_silos_at_once_changes_nothing()
    {
        var connectionString = await TestDatabase.ConnectionStringAsync();
        await using var database = await TestDatabase.OpenAsync();
        var before = await FingerprintAsync(database);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SchemaInstaller.ApplyAsync(connectionString)));
        await SchemaInstaller.ApplyAsync(connectionString);

        Assert.Equal(before, await FingerprintAsync(database));
        Assert.Contains("issue_coupons", before);
        Assert.Contains("orleans_membership", before);
    }

    [Fact]
    public async Task A_silo_restarting_into_a_cluster_serving_claims_does_not_wait_for_their_table_locks()
    {
        var connectionString = await TestDatabase.ConnectionStringAsync();
        await using var database = await TestDatabase.OpenAsync();
        await using var claim = await database.OpenConnectionAsync();
        await using var inFlight = await claim.BeginTransactionAsync();
        // What a group commit holds while it writes: the DDL's exclusive locks would queue behind it.
        await using (var hold = new Npgsql.NpgsqlCommand("LOCK TABLE coupons, campaign_stock IN ROW EXCLUSIVE MODE", claim, inFlight))
        {
            await hold.ExecuteNonQueryAsync();
        }

        await SchemaInstaller.ApplyAsync(connectionString).WaitAsync(TimeSpan.FromSeconds(20));
        await inFlight.RollbackAsync();
    }

    /// <summary>Tables, columns, constraints, functions and the Orleans query texts, as one string.</summary>
    private static async Task<string> FingerprintAsync(Npgsql.NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand(
            """
            SELECT string_agg(item, E'\n' ORDER BY item) FROM (
                SELECT table_name || '.' || column_name || ':' || data_type AS item
                  FROM information_schema.columns WHERE table_schema = 'public'
                UNION ALL SELECT conname || ':' || pg_get_constraintdef(oid) FROM pg_constraint
                 WHERE connamespace = 'public'::regnamespace
                UNION ALL SELECT proname || ':' || md5(prosrc) FROM pg_proc WHERE pronamespace = 'public'::regnamespace
                UNION ALL SELECT querykey || ':' || md5(querytext) FROM orleansquery
            ) items
            """);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
