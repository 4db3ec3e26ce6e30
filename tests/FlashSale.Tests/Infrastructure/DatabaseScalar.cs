using Npgsql;

namespace FlashSale.Tests.Infrastructure;

/// <summary>One value read from PostgreSQL, with positional parameters ($1, $2, ...): how tests check what a page did.</summary>
public static class DatabaseScalar
{
    public static async Task<T> ScalarAsync<T>(this NpgsqlDataSource database, string sql, params object[] values)
    {
        await using var command = database.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new() { Value = value });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }
}
