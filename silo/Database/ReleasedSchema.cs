using System.Data;
using Npgsql;

namespace FlashSale.Silo.Database;

/// <summary>
/// Databases installed before migrations existed. Migrations V001–V020 are the scripts of the last
/// such release (f9daf97), unchanged, which its hand-written installer ran together and recorded
/// by one fingerprint in <c>flashsale_schema</c>.
/// </summary>
/// <remarks>
/// A database with that fingerprint already holds everything V001–V020 create: they are recorded
/// as applied without running (the journal's baseline), so upgrading a live cluster takes no lock.
/// A database of an earlier release has another fingerprint: V001–V020 run on it, and being
/// idempotent, as every script of that installer had to be, they bring it forward as the
/// installer would have.
/// </remarks>
internal static class ReleasedSchema
{
    public const string BaselineVersion = "020";

    /// <summary>SHA-256 of release f9daf97's twenty scripts, joined as its installer joined them.</summary>
    private const string Fingerprint = "0E77325BFA6DEC6B77F9000EDCF55D2F5704300139B95C1E16E22D6124B5E70E";

    /// <summary>
    /// True while a database of that release has not had the baseline recorded in its journal
    /// (no journal yet, or a start that died while recording it).
    /// </summary>
    public static async Task<bool> IsUnjournaledBaselineAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var tables = new NpgsqlCommand(
            $"""
            SELECT to_regclass('flashsale_schema') IS NOT NULL AS installed_by_release,
                   to_regclass('{SchemaMigrations.JournalTable}') IS NOT NULL AS journaled
            """, connection);
        bool installedByRelease, journaled;
        await using (var reader = await tables.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (installedByRelease, journaled) = (reader.GetBoolean("installed_by_release"), reader.GetBoolean("journaled"));
        }

        if (!installedByRelease)
        {
            return false;
        }

        var sql = journaled
            ? $"""
               SELECT EXISTS (SELECT 1 FROM flashsale_schema WHERE fingerprint = @fingerprint)
                  AND NOT EXISTS (SELECT 1 FROM {SchemaMigrations.JournalTable} WHERE version = @baseline AND success)
               """
            : "SELECT EXISTS (SELECT 1 FROM flashsale_schema WHERE fingerprint = @fingerprint)";
        await using var recognised = new NpgsqlCommand(sql, connection);
        recognised.Parameters.AddWithValue("fingerprint", Fingerprint);
        recognised.Parameters.AddWithValue("baseline", BaselineVersion);
        return (bool)(await recognised.ExecuteScalarAsync(cancellationToken))!;
    }
}
