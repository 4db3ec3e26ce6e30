using System.Collections.Immutable;
using Npgsql;

namespace FlashSale.Grains.Campaigns;

/// <summary>The results PostgreSQL keeps per campaign (silo/Database/Schema/019-campaign-results.sql), and the risk audit's counts.</summary>
public sealed class CampaignResultsStore(NpgsqlDataSource database)
{
    public async Task AddRefusalsAsync(Guid campaignId, IReadOnlyDictionary<string, int> refusals)
    {
        await using var command = database.CreateCommand(
            """
            INSERT INTO campaign_refusals AS t (campaign_id, code, refusals)
            SELECT $1, code, n FROM unnest($2::text[], $3::bigint[]) AS u(code, n)
            ON CONFLICT (campaign_id, code) DO UPDATE SET refusals = t.refusals + EXCLUDED.refusals
            """);
        command.Parameters.Add(new() { Value = campaignId });
        command.Parameters.Add(new() { Value = refusals.Keys.ToArray() });
        command.Parameters.Add(new() { Value = refusals.Values.Select(n => (long)n).ToArray() });
        await command.ExecuteNonQueryAsync();
    }

    public async Task<Dictionary<string, long>> RefusalsAsync(Guid campaignId)
    {
        await using var command = database.CreateCommand("SELECT code, refusals FROM campaign_refusals WHERE campaign_id = $1");
        command.Parameters.Add(new() { Value = campaignId });
        var refusals = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            refusals[reader.GetString(0)] = reader.GetInt64(1);
        }

        return refusals;
    }

    /// <summary>Coupons redeemed and the discount given, as the redemptions trigger keeps them.</summary>
    public async Task<(int Redeemed, decimal DiscountGiven)> RedemptionsAsync(Guid campaignId)
    {
        await using var command = database.CreateCommand(
            "SELECT redeemed_coupons, discount_given FROM campaign_redemption_results WHERE campaign_id = $1");
        command.Parameters.Add(new() { Value = campaignId });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetInt32(0), reader.GetDecimal(1)) : (0, 0m);
    }

    /// <summary>Risk decisions on the campaign by verdict, then rule (the audit records a flood once per second and subject, with its count).</summary>
    public async Task<ImmutableDictionary<string, ImmutableDictionary<string, long>>> RiskAsync(Guid campaignId)
    {
        await using var command = database.CreateCommand(
            "SELECT verdict, rule, sum(occurrences)::bigint FROM risk_decisions WHERE campaign_id = $1 GROUP BY verdict, rule");
        command.Parameters.Add(new() { Value = campaignId });
        var risk = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var byRule = risk.TryGetValue(reader.GetString(0), out var rules) ? rules : risk[reader.GetString(0)] = new(StringComparer.Ordinal);
            byRule[reader.GetString(1)] = reader.GetInt64(2);
        }

        return risk.ToImmutableDictionary(v => v.Key, v => v.Value.ToImmutableDictionary());
    }
}
