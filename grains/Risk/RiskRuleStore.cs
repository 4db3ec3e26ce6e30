using System.Collections.Immutable;
using System.Text.Json;
using Dapper;
using FlashSale.GrainInterfaces.Risk;
using Npgsql;

namespace FlashSale.Grains.Risk;

/// <summary>Reads and writes the risk_rules table (silo/Database/Migrations/V028__risk_rules.sql): one row per revision.</summary>
public sealed class RiskRuleStore(NpgsqlDataSource database)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>The newest revision of every rule not removed, with the rules' version.</summary>
    public async Task<RiskRuleSet> LoadAsync()
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        var version = await connection.ExecuteScalarAsync<long>("SELECT coalesce(max(version), 0) FROM risk_rules", transaction: transaction);
        var rows = await connection.QueryAsync<RuleRow>(
            """
            SELECT DISTINCT ON (rule_id) rule_id, revision, definition::text AS definition, removed, changed_by, changed_at
              FROM risk_rules ORDER BY rule_id, revision DESC
            """, transaction: transaction);
        await transaction.CommitAsync();
        return new RiskRuleSet(version, [.. rows.Where(r => !r.Removed).Select(r => r.ToRule())]);
    }

    /// <summary>Stores a revision; returns the rules' new version.</summary>
    public async Task<long> SaveAsync(RiskRule rule)
    {
        await using var connection = database.CreateConnection();
        return await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO risk_rules (rule_id, revision, definition, removed, changed_by, changed_at, version)
            VALUES (@id, @revision, @definition::jsonb, @removed, @changedBy, @changedAt, nextval('risk_rules_version'))
            RETURNING version
            """,
            new
            {
                id = rule.Id,
                revision = rule.Revision,
                definition = JsonSerializer.Serialize(StoredDefinition.Of(rule), Json),
                removed = rule.Removed,
                changedBy = rule.ChangedBy,
                changedAt = rule.ChangedAt.ToUniversalTime(),
            });
    }

    public async Task<ImmutableArray<RiskRule>> RevisionsAsync(Guid ruleId)
    {
        await using var connection = database.CreateConnection();
        var rows = await connection.QueryAsync<RuleRow>(
            """
            SELECT rule_id, revision, definition::text AS definition, removed, changed_by, changed_at
              FROM risk_rules WHERE rule_id = @ruleId ORDER BY revision
            """, new { ruleId });
        return [.. rows.Select(r => r.ToRule())];
    }

    public async Task<ImmutableArray<RiskRule>> RemovedAsync(int limit)
    {
        await using var connection = database.CreateConnection();
        var rows = await connection.QueryAsync<RuleRow>(
            """
            SELECT rule_id, revision, definition, removed, changed_by, changed_at
              FROM (SELECT DISTINCT ON (rule_id) rule_id, revision, definition::text AS definition, removed, changed_by, changed_at
                      FROM risk_rules ORDER BY rule_id, revision DESC) AS latest
             WHERE removed
             ORDER BY changed_at DESC, rule_id
             LIMIT @limit
            """, new { limit });
        return [.. rows.Select(r => r.ToRule())];
    }

    private sealed record RuleRow(Guid RuleId, int Revision, string Definition, bool Removed, string ChangedBy, DateTimeOffset ChangedAt)
    {
        public RiskRule ToRule() => JsonSerializer.Deserialize<StoredDefinition>(Definition, Json)!.ToRule(RuleId, Revision, Removed, ChangedBy, ChangedAt);
    }

    /// <summary>A rule's definition as stored: what the operator set, apart from who and when.</summary>
    private sealed record StoredDefinition(string Name, Guid? CampaignId, ImmutableArray<RuleCondition> When, RuleAction Action, int Score,
        int Difficulty, bool DryRun, bool Enabled)
    {
        public static StoredDefinition Of(RiskRule rule) =>
            new(rule.Name, rule.CampaignId, rule.When, rule.Action, rule.Score, rule.Difficulty, rule.DryRun, rule.Enabled);

        public RiskRule ToRule(Guid id, int revision, bool removed, string changedBy, DateTimeOffset changedAt) =>
            new(id, Name, CampaignId, When, Action, Score, Difficulty, DryRun, Enabled, revision, changedBy, changedAt, removed);
    }
}
