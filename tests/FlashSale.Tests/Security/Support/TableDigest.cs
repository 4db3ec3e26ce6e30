using Npgsql;

namespace FlashSale.Tests.Security.Support;

/// <summary>
/// A fingerprint of every row of every table in the database, but those that are meant to change
/// without anyone's request succeeding: equal fingerprints before and after a refused request
/// mean it inserted, updated and deleted nothing. New tables are covered the day they are added.
/// </summary>
public sealed record TableDigest(IReadOnlyDictionary<string, string> Tables)
{
    /// <summary>Tables written whatever requests succeed, each with why.</summary>
    public static readonly IReadOnlyDictionary<string, string> Excluded = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["risk_decisions"] = "the audit of refusals by blocks and rate limits: recording them is the point",
        ["campaign_refusals"] = "refusal counts by code, for a campaign's results",
        ["campaign_refusal_series"] = "the same counts over time, added by a trigger on campaign_refusals' saves",
        ["risk_links"] = "accounts seen behind a fingerprint or range, written by the activity shards a second after earlier claims",
        ["orleans_membership"] = "silo heartbeats",
        ["orleans_membership_version"] = "silo heartbeats",
        ["orleans_reminders"] = "grains register and drop reminders as schedules come and go, after the request that set them",
        ["campaign_final_results"] = "frozen by the end-of-sale reminder, a second or more after a sale ends",
        ["expiry_reminder_progress"] = "the expiry sweep's bookmark, moved on a timer",
        ["recycle_progress"] = "the recycling sweep's bookmark, moved on a timer",
    };

    public static async Task<TableDigest> ReadAsync(NpgsqlDataSource database)
    {
        var tables = new List<string>();
        await using (var list = database.CreateCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                if (!Excluded.ContainsKey(reader.GetString(0)))
                {
                    tables.Add(reader.GetString(0));
                }
            }
        }

        // One round trip: each table's row count and the md5 of its rows' text, in a stable order.
        var sql = string.Join("\nUNION ALL\n", tables.Select(t =>
            $"SELECT '{t}', count(*)::text || ':' || coalesce(md5(string_agg(md5(r::text), '' ORDER BY md5(r::text))), '') FROM \"{t}\" r"));
        var digests = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = database.CreateCommand(sql);
        await using var rows = await command.ExecuteReaderAsync();
        while (await rows.ReadAsync())
        {
            digests[rows.GetString(0)] = rows.GetString(1);
        }

        return new TableDigest(digests);
    }

    /// <summary>Fails, naming the tables whose rows differ, unless every table is as it was.</summary>
    public void AssertUnchangedSince(TableDigest before, string what) =>
        Assert.True(ChangedSince(before).Count == 0, $"{what} changed {string.Join(", ", ChangedSince(before))}");

    /// <summary>The tables whose rows differ.</summary>
    public IReadOnlyList<string> ChangedSince(TableDigest before) =>
        [.. Tables.Keys.Union(before.Tables.Keys, StringComparer.Ordinal).Where(t => Tables.GetValueOrDefault(t) != before.Tables.GetValueOrDefault(t)).Order(StringComparer.Ordinal)];
}
