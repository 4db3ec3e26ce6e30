using System.Security.Cryptography;
using System.Text;
using FlashSale.Silo.Database;
using Npgsql;

namespace FlashSale.Tests.Database;

/// <summary>The release's migrations as built into the silo, and what a database's journal says it ran.</summary>
public static class MigrationHistory
{
    public sealed record Script(string Name, string Checksum);

    public sealed record JournalRow(string Name, bool Success);

    /// <summary>The release's migrations, by name, with the checksum Evolve records for each (MD5 of the text with LF line ends).</summary>
    public static IReadOnlyList<Script> Released()
    {
        var (assembly, prefix) = (MigrationSource.Release.Assembly, MigrationSource.Release.ResourcePrefix);
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                var text = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
                return new Script(name[prefix.Length..], Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(text))));
            })
            .OrderBy(script => script.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Every attempt at a migration the journal holds, in order (a failed attempt is a row with success false).</summary>
    public static async Task<List<JournalRow>> JournalAsync(NpgsqlDataSource database)
    {
        // Type 0: migrations, not the rows Evolve keeps about schemas.
        await using var command = database.CreateCommand($"SELECT name, success FROM {SchemaMigrations.JournalTable} WHERE type = 0 ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<JournalRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new JournalRow(reader.GetString(0), reader.GetBoolean(1)));
        }

        return rows;
    }
}
