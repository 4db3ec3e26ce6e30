using Dapper;
using FlashSale.GrainInterfaces.Risk;
using Npgsql;

namespace FlashSale.Grains.Risk;

/// <summary>
/// The accounts linked by what they share (silo/Database/Migrations/V028__risk_rules.sql): a device id, a
/// fingerprint or an address range, each with when it was first and last seen. It outlives the shards'
/// memory, so a farm's links survive a restart, and operators can look a shopper's links up.
/// </summary>
public sealed class RiskLinkStore(NpgsqlDataSource database)
{
    public sealed record Link(string Kind, string Value, string ShopperId, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);

    public static string KindName(SubjectKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The shoppers linked to each subject (at most <see cref="SubjectActivity.MaxDistinct"/> each), seen within a day.</summary>
    public async Task<List<Link>> LinksOfAsync(IReadOnlyList<(SubjectKind Kind, string Value)> subjects, DateTimeOffset since)
    {
        await using var connection = database.CreateConnection();
        var links = await connection.QueryAsync<Link>(
            """
            SELECT l.kind, l.value, l.shopper_id, l.first_seen, l.last_seen
              FROM unnest(@kinds::text[], @values::text[]) AS s (kind, value)
              CROSS JOIN LATERAL (
                   SELECT * FROM risk_links r WHERE r.kind = s.kind AND r.value = s.value AND r.last_seen >= @since LIMIT @max) l
            """,
            new
            {
                kinds = subjects.Select(s => KindName(s.Kind)).ToArray(),
                values = subjects.Select(s => s.Value).ToArray(),
                since = since.ToUniversalTime(),
                max = SubjectActivity.MaxDistinct,
            });
        return [.. links];
    }

    /// <summary>When risk control first saw each of these shoppers, through any of their links.</summary>
    public async Task<Dictionary<string, DateTimeOffset>> FirstSeenAsync(IReadOnlyList<string> shopperIds)
    {
        await using var connection = database.CreateConnection();
        var rows = await connection.QueryAsync<(string ShopperId, DateTimeOffset FirstSeen)>(
            "SELECT shopper_id, min(first_seen) FROM risk_links WHERE shopper_id = ANY(@shopperIds) GROUP BY shopper_id",
            new { shopperIds = shopperIds.ToArray() });
        return rows.ToDictionary(r => r.ShopperId, r => r.FirstSeen, StringComparer.Ordinal);
    }

    public async Task SaveAsync(IReadOnlyList<Link> links)
    {
        await using var connection = database.CreateConnection();
        await connection.ExecuteAsync(
            """
            INSERT INTO risk_links (kind, value, shopper_id, first_seen, last_seen)
            SELECT * FROM unnest(@kinds::text[], @values::text[], @shopperIds::text[], @firstSeen::timestamptz[], @lastSeen::timestamptz[])
            ON CONFLICT (kind, value, shopper_id) DO UPDATE SET last_seen = greatest(risk_links.last_seen, excluded.last_seen)
            """,
            new
            {
                kinds = links.Select(l => l.Kind).ToArray(),
                values = links.Select(l => l.Value).ToArray(),
                shopperIds = links.Select(l => l.ShopperId).ToArray(),
                firstSeen = links.Select(l => l.FirstSeen.UtcDateTime).ToArray(),
                lastSeen = links.Select(l => l.LastSeen.UtcDateTime).ToArray(),
            });
    }

    /// <summary>A shopper's latest 100 links and how many accounts share each, for operators.</summary>
    public async Task<List<AccountLink>> LinksOfShopperAsync(string shopperId)
    {
        await using var connection = database.CreateConnection();
        var rows = await connection.QueryAsync<(string Kind, string Value, long Accounts, DateTimeOffset FirstSeen, DateTimeOffset LastSeen)>(
            """
            SELECT l.kind, l.value, (SELECT count(*) FROM risk_links o WHERE o.kind = l.kind AND o.value = l.value), l.first_seen, l.last_seen
              FROM risk_links l WHERE l.shopper_id = @shopperId
             ORDER BY l.last_seen DESC LIMIT 100
            """,
            new { shopperId });
        return [.. rows.Select(r => new AccountLink(Enum.Parse<SubjectKind>(r.Kind, ignoreCase: true), r.Value, r.Accounts, r.FirstSeen, r.LastSeen))];
    }
}
