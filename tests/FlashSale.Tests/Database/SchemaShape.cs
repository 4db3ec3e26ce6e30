using Npgsql;

namespace FlashSale.Tests.Database;

/// <summary>
/// Everything the schema defines, as one comparable text: tables and columns with their types,
/// defaults and nullability, constraints, indexes, functions, triggers and the Orleans query texts.
/// </summary>
public static class SchemaShape
{
    /// <summary>
    /// Tables that only say how the schema got here: the migrations' journal, and the fingerprint
    /// table of the installer before it, which upgraded databases keep and new ones never had.
    /// </summary>
    private const string History = "('schema_migrations', 'flashsale_schema')";

    public static async Task<string> ReadAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand(
            $"""
            SELECT string_agg(item, E'\n' ORDER BY item) FROM (
                SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable
                       || coalesce(' default ' || column_default, '') AS item
                  FROM information_schema.columns
                 WHERE table_schema = 'public' AND table_name NOT IN {History}
                UNION ALL
                SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                  FROM pg_constraint
                 WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT IN {History}
                UNION ALL
                SELECT 'index ' || indexdef FROM pg_indexes
                 WHERE schemaname = 'public' AND tablename NOT IN {History}
                UNION ALL
                SELECT 'function ' || p.oid::regprocedure || ' ' || md5(p.prosrc) FROM pg_proc p
                 WHERE p.pronamespace = 'public'::regnamespace
                UNION ALL
                SELECT 'trigger ' || tgrelid::regclass || ' ' || pg_get_triggerdef(oid) FROM pg_trigger
                 WHERE NOT tgisinternal
                UNION ALL
                SELECT 'orleans query ' || querykey || ' ' || md5(querytext) FROM orleansquery
            ) items
            """);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
