using System.Collections.Immutable;
using System.Text.Json;
using FlashSale.GrainInterfaces.Campaigns;
using Npgsql;

namespace FlashSale.Grains.Campaigns;

/// <summary>
/// The results PostgreSQL keeps per campaign (silo/Database/Schema/019-campaign-results.sql and
/// 020-campaign-schedules.sql), and the risk audit's counts.
/// </summary>
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

    /// <summary>Freezes the claims' results at the end of the sale; a later close (a retried reminder) replaces them.</summary>
    public async Task CloseAsync(Guid campaignId, DateTimeOffset closedAt, int issued, int claimants, DateTimeOffset? soldOutAt,
        IReadOnlyDictionary<string, long> refusals)
    {
        await using var command = database.CreateCommand(
            """
            INSERT INTO campaign_final_results (campaign_id, closed_at, issued, claimants, sold_out_at, refusals)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (campaign_id) DO UPDATE
               SET closed_at = EXCLUDED.closed_at, issued = EXCLUDED.issued, claimants = EXCLUDED.claimants,
                   sold_out_at = EXCLUDED.sold_out_at, refusals = EXCLUDED.refusals
            """);
        command.Parameters.Add(new() { Value = campaignId });
        command.Parameters.Add(new() { Value = closedAt });
        command.Parameters.Add(new() { Value = issued });
        command.Parameters.Add(new() { Value = claimants });
        command.Parameters.Add(new() { Value = (object?)soldOutAt ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = JsonSerializer.Serialize(refusals), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A closed campaign's frozen results with what its ledger row says of it; null while it has not closed.</summary>
    public async Task<CampaignResults?> ClosedAsync(Guid campaignId, DateTimeOffset now)
    {
        await using var command = database.CreateCommand(
            """
            SELECT s.campaign_name, s.total_stock + s.recycled, s.terms->>'currency', s.starts_at,
                   f.closed_at, f.issued, f.claimants, f.sold_out_at, f.refusals::text
              FROM campaign_final_results f JOIN campaign_stock s USING (campaign_id)
             WHERE f.campaign_id = $1
            """);
        command.Parameters.Add(new() { Value = campaignId });
        CampaignResults closed;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            if (!await reader.ReadAsync())
            {
                return null;
            }

            var refusals = JsonSerializer.Deserialize<Dictionary<string, long>>(reader.GetString(8))!;
            closed = new CampaignResults(campaignId, reader.GetString(0), "ended", reader.GetInt32(1), reader.GetInt32(5), reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetInt32(6), 0, 0m,
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7), refusals.ToImmutableDictionary(), [], now,
                reader.GetFieldValue<DateTimeOffset>(4));
        }

        var (redeemed, discount) = await RedemptionsAsync(campaignId);
        return closed with { Redeemed = redeemed, DiscountGiven = discount, Risk = await RiskAsync(campaignId) };
    }

    /// <summary>Shoppers with a coupon of any of <paramref name="units"/>, each once: a group's claimants, counted when it closes.</summary>
    public async Task<int> DistinctClaimantsAsync(Guid[] units)
    {
        await using var command = database.CreateCommand(
            "SELECT count(DISTINCT shopper_id)::integer FROM coupons WHERE campaign_id = ANY($1) AND shopper_slot = 1");
        command.Parameters.Add(new() { Value = units });
        return (int)(await command.ExecuteScalarAsync())!;
    }

    public async Task<bool> IsGroupAsync(Guid campaignId)
    {
        await using var command = database.CreateCommand("SELECT EXISTS (SELECT 1 FROM campaign_stock WHERE parent_id = $1)");
        command.Parameters.Add(new() { Value = campaignId });
        return (bool)(await command.ExecuteScalarAsync())!;
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
