using System.Reflection;
using Npgsql;

namespace FlashSale.Silo.Database;

/// <summary>
/// Applies the embedded schema scripts (Database/Schema/*.sql) in file-name order. Every script is
/// idempotent, so the first start and the hundredth both just work; an advisory lock keeps silos
/// that start together from racing each other through the DDL.
/// </summary>
public static class SchemaInstaller
{
    private const long SchemaLockKey = 0x466C61736853616CL; // "FlashSal"

    public static async Task ApplyAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var takeLock = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({SchemaLockKey})", connection, transaction))
        {
            await takeLock.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var script in Scripts())
        {
            await using var command = new NpgsqlCommand(script, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
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
