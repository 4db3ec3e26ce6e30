using Dapper;
using FlashSale.GrainInterfaces.Risk;
using Npgsql;

namespace FlashSale.Grains.Risk;

/// <summary>Reads and writes the risk_decisions table (silo/Database/Schema/011-risk.sql).</summary>
public sealed class RiskAuditStore(NpgsqlDataSource database)
{
    public async Task InsertAsync(IReadOnlyList<RiskDecision> decisions)
    {
        await using var connection = database.CreateConnection();
        await connection.ExecuteAsync(
            """
            INSERT INTO risk_decisions (decided_at, verdict, rule, campaign_id, shopper_id, device_id, address, evidence, occurrences, fingerprint)
            SELECT d.decided_at, d.verdict, d.rule, d.campaign_id, d.shopper_id, d.device_id, d.address, d.evidence::jsonb, d.occurrences, d.fingerprint
              FROM unnest(@decidedAt::timestamptz[], @verdicts::text[], @rules::text[], @campaignIds::uuid[], @shopperIds::text[],
                          @deviceIds::text[], @addresses::text[], @evidence::text[], @occurrences::int[], @fingerprints::text[])
                   AS d (decided_at, verdict, rule, campaign_id, shopper_id, device_id, address, evidence, occurrences, fingerprint)
            """,
            new
            {
                decidedAt = decisions.Select(d => d.DecidedAt.UtcDateTime).ToArray(),
                verdicts = decisions.Select(d => VerdictName(d.Verdict)).ToArray(),
                rules = decisions.Select(d => d.Rule).ToArray(),
                campaignIds = decisions.Select(d => d.CampaignId).ToArray(),
                shopperIds = decisions.Select(d => d.ShopperId).ToArray(),
                deviceIds = decisions.Select(d => d.DeviceId).ToArray(),
                addresses = decisions.Select(d => d.Address).ToArray(),
                evidence = decisions.Select(d => d.Evidence).ToArray(),
                occurrences = decisions.Select(d => d.Occurrences).ToArray(),
                fingerprints = decisions.Select(d => d.Fingerprint).ToArray(),
            });
    }

    public async Task<List<RiskDecision>> FindAsync(RiskDecisionQuery query)
    {
        await using var connection = database.CreateConnection();
        var found = await connection.QueryAsync<DecisionRow>(
            """
            SELECT decision_id, decided_at, verdict, rule, campaign_id, shopper_id, device_id, address, evidence::text AS evidence, occurrences,
                   fingerprint
              FROM risk_decisions
             WHERE (@campaignId::uuid IS NULL OR campaign_id = @campaignId)
               AND (@shopperId::text IS NULL OR shopper_id = @shopperId)
               AND (@deviceId::text IS NULL OR device_id = @deviceId)
               AND (@rule::text IS NULL OR rule = @rule)
               AND (@fingerprint::text IS NULL OR fingerprint = @fingerprint)
               AND (@before::bigint IS NULL OR decision_id < @before)
             ORDER BY decision_id DESC
             LIMIT @limit
            """,
            new
            {
                campaignId = query.CampaignId,
                shopperId = query.ShopperId,
                deviceId = query.DeviceId,
                rule = query.Rule,
                fingerprint = query.Fingerprint,
                before = query.Before,
                limit = query.Limit,
            });
        return [.. found.Select(d => d.ToDecision())];
    }

    public async Task<List<RuleCount>> CountByRuleAsync(Guid campaignId)
    {
        await using var connection = database.CreateConnection();
        var counts = await connection.QueryAsync<RuleCountRow>(
            """
            SELECT rule, verdict, sum(occurrences) AS decisions FROM risk_decisions
             WHERE campaign_id = @campaignId GROUP BY rule, verdict ORDER BY rule, verdict
            """,
            new { campaignId });
        return [.. counts.Select(c => new RuleCount(c.Rule, VerdictOf(c.Verdict), c.Decisions))];
    }

    private static RiskVerdict VerdictOf(string name) => RiskVerdictNames.Parse(name);

    private static string VerdictName(RiskVerdict verdict) => RiskVerdictNames.Of(verdict);

    private sealed record DecisionRow(long DecisionId, DateTimeOffset DecidedAt, string Verdict, string Rule, Guid? CampaignId, string? ShopperId,
        string? DeviceId, string? Address, string Evidence, int Occurrences, string? Fingerprint)
    {
        public RiskDecision ToDecision() =>
            new(DecidedAt, VerdictOf(Verdict), Rule, CampaignId, ShopperId, DeviceId, Address, Evidence, Occurrences, DecisionId, Fingerprint);
    }

    private sealed record RuleCountRow(string Rule, string Verdict, long Decisions);
}
