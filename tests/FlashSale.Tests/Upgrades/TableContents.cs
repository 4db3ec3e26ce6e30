using Npgsql;

namespace FlashSale.Tests.Upgrades;

/// <summary>
/// Every row of every table, as a count and a digest per table over a given set of columns, so that
/// contents read before a migration compare with the same columns read after it, whatever columns
/// the migration added.
/// </summary>
public sealed record TableContents(IReadOnlyDictionary<string, TableContents.Table> Tables)
{
    public sealed record Table(IReadOnlyList<string> Columns, long Rows, string Digest);

    public static async Task<TableContents> ReadAsync(NpgsqlDataSource database)
    {
        var columns = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await using (var command = database.CreateCommand(
                         """
                         SELECT c.table_name, c.column_name FROM information_schema.columns c
                           JOIN information_schema.tables t USING (table_schema, table_name)
                          WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
                          ORDER BY c.table_name, c.ordinal_position
                         """))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var table = reader.GetString(0);
                if (!columns.TryGetValue(table, out var names))
                {
                    columns[table] = names = [];
                }

                names.Add(reader.GetString(1));
            }
        }

        return await ReadAsync(database, columns.ToDictionary(table => table.Key, table => (IReadOnlyList<string>)table.Value, StringComparer.Ordinal));
    }

    /// <summary>The same tables and columns as <paramref name="before"/>; a table that is gone fails the read.</summary>
    public static Task<TableContents> ReadSameAsync(NpgsqlDataSource database, TableContents before) =>
        ReadAsync(database, before.Tables.ToDictionary(table => table.Key, table => table.Value.Columns, StringComparer.Ordinal));

    private static async Task<TableContents> ReadAsync(NpgsqlDataSource database, IReadOnlyDictionary<string, IReadOnlyList<string>> columns)
    {
        var tables = new Dictionary<string, Table>(StringComparer.Ordinal);
        foreach (var (table, names) in columns)
        {
            var row = string.Join(", ", names.Select(Quote));
            await using var command = database.CreateCommand(
                $"SELECT count(*), coalesce(md5(string_agg(line, E'\\n' ORDER BY line)), '') FROM (SELECT ROW({row})::text AS line FROM {Quote(table)}) t");
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            tables[table] = new Table(names, reader.GetInt64(0), reader.GetString(1));
        }

        return new TableContents(tables);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
