using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace FlashSale.Silo.Database;

/// <summary>
/// Applies the embedded schema scripts (Database/Schema/*.sql) in file-name order. Every script is
/// idempotent, so the first start and the hundredth both just work; an advisory lock keeps silos
/// that start together from racing each other through the DDL.
/// </summary>
/// <remarks>
/// The scripts run only when their fingerprint is not yet recorded. A silo that restarts into a
/// cluster serving a sale must not take the exclusive locks the DDL needs (ALTER TABLE ... IF NOT
/// EXISTS locks the table before it checks): that stalled claims, and deadlocked with them in the
/// fault-injection runs.
/// </remarks>
public static class SchemaInstaller
{
    private const long SchemaLockKey = 0x466C61736853616CL; // "FlashSal"

    public static async Task ApplyAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var scripts = Scripts().ToList();
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n--\n", scripts))));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        if (await IsInstalledAsync(connection, null, fingerprint, cancellationToken))
        {
            return;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({SchemaLockKey})", cancellationToken);
        // Another silo may have installed it while this one waited for the lock.
        if (await IsInstalledAsync(connection, transaction, fingerprint, cancellationToken))
        {
            return;
        }

        foreach (var script in scripts)
        {
            await ExecuteAsync(connection, transaction, script, cancellationToken);
        }

        await ExecuteAsync(connection, transaction,
            $"""
            CREATE TABLE IF NOT EXISTS flashsale_schema (fingerprint text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
            INSERT INTO flashsale_schema (fingerprint) VALUES ('{fingerprint}') ON CONFLICT DO NOTHING;
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<bool> IsInstalledAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string fingerprint, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand("SELECT to_regclass('flashsale_schema') IS NOT NULL", connection, transaction);
        if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
        {
            return false;
        }

        await using var recorded = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM flashsale_schema WHERE fingerprint = $1)", connection, transaction);
        recorded.Parameters.Add(new NpgsqlParameter { Value = fingerprint });
        return (bool)(await recorded.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static IEnumerable<string> Scripts()
    {
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Schema.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return reader.ReadToEnd();
        }
    }
}
