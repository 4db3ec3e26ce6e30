using FlashSale.GrainInterfaces.Risk;
using Npgsql;
using NpgsqlTypes;

namespace FlashSale.Grains.Risk;

/// <summary>Reads and writes the risk_decisions table (silo/Database/Schema/011-risk.sql).</summary>
public sealed class RiskAuditStore(NpgsqlDataSource database)
{
    public async Task InsertAsync(IReadOnlyList<RiskDecision> decisions)
    {
        await using var command = database.CreateCommand(
            """
            INSERT INTO risk_decisions (decided_at, verdict, rule, campaign_id, shopper_id, device_id, address, evidence, occurrences)
            SELECT d.decided_at, d.verdict, d.rule, d.campaign_id, d.shopper_id, d.device_id, d.address, d.evidence::jsonb, d.occurrences
              FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[])
                   AS d (decided_at, verdict, rule, campaign_id, shopper_id, device_id, address, evidence, occurrences)
            """);
        command.Parameters.Add(new() { Value = decisions.Select(d => d.DecidedAt.UtcDateTime).ToArray() });
        command.Parameters.Add(new() { Value = decisions.Select(d => VerdictName(d.Verdict)).ToArray() });
        command.Parameters.Add(new() { Value = decisions.Select(d => d.Rule).ToArray() });
        command.Parameters.Add(new() { Value = decisions.Select(d => d.CampaignId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = decisions.Select(d => d.ShopperId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = decisions.Select(d => d.DeviceId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = decisions.Select(d => d.Address).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = decisions.Select(d => d.Evidence).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = decisions.Select(d => d.Occurrences).ToArray() });
        await command.ExecuteNonQueryAsync();
    }

    public async Task<List<RiskDecision>> FindAsync(RiskDecisionQuery query)
    {
        await using var command = database.CreateCommand(
            """
            SELECT decision_id, decided_at, verdict, rule, campaign_id, shopper_id, device_id, address, evidence::text, occurrences
              FROM risk_decisions
             WHERE ($1::uuid IS NULL OR campaign_id = $1)
               AND ($2::text IS NULL OR shopper_id = $2)
               AND ($3::text IS NULL OR device_id = $3)
               AND ($4::text IS NULL OR rule = $4)
               AND ($5::bigint IS NULL OR decision_id < $5)
             ORDER BY decision_id DESC
             LIMIT $6
            """);
        command.Parameters.Add(new() { Value = (object?)query.CampaignId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = (object?)query.ShopperId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)query.DeviceId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)query.Rule ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)query.Before ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new() { Value = query.Limit });
        var found = new List<RiskDecision>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            found.Add(new RiskDecision(
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.GetString(2) == "flagged" ? RiskVerdict.Flagged : RiskVerdict.Refused,
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetGuid(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetString(8),
                reader.GetInt32(9),
                reader.GetInt64(0)));
        }

        return found;
    }

    public async Task<List<RuleCount>> CountByRuleAsync(Guid campaignId)
    {
        await using var command = database.CreateCommand(
            """
            SELECT rule, verdict, sum(occurrences) FROM risk_decisions
             WHERE campaign_id = $1 GROUP BY rule, verdict ORDER BY rule, verdict
            """);
        command.Parameters.Add(new() { Value = campaignId });
        var counts = new List<RuleCount>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts.Add(new RuleCount(reader.GetString(0), reader.GetString(1) == "flagged" ? RiskVerdict.Flagged : RiskVerdict.Refused,
                reader.GetInt64(2)));
        }

        return counts;
    }

    private static string VerdictName(RiskVerdict verdict) => verdict == RiskVerdict.Flagged ? "flagged" : "refused";
}
