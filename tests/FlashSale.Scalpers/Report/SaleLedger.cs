using Npgsql;

namespace FlashSale.Scalpers.Report;

/// <summary>What PostgreSQL holds of the sale: each population's coupon rows, the risk audit, escalation's blocks.</summary>
public static class SaleLedger
{
    // Every farm account's id starts so (Crowd.Farm); every other shopper of the run is an ordinary one.
    private const string Population = "CASE WHEN shopper_id LIKE @farm THEN 'farm' ELSE 'ordinary' END";

    public static async Task<(long Farm, long Ordinary, IReadOnlyList<DecisionCount> Decisions, IReadOnlyList<BlockCount> Blocks)> ReadAsync(
        string connectionString, Guid campaignId, string runId, DateTimeOffset since)
    {
        await using var data = NpgsqlDataSource.Create(connectionString);
        var farm = $"{runId}-farm-%";
        long farmCoupons = 0, ordinaryCoupons = 0;
        await foreach (var (population, count) in RowsAsync(data, $"SELECT {Population}, count(*) FROM coupons WHERE campaign_id = @campaign GROUP BY 1",
            campaignId, farm, since, r => (r.GetString(0), r.GetInt64(1))))
        {
            (farmCoupons, ordinaryCoupons) = population == "farm" ? (count, ordinaryCoupons) : (farmCoupons, count);
        }

        var decisions = new List<DecisionCount>();
        await foreach (var decision in RowsAsync(data,
            $"""
            SELECT {Population}, rule, verdict, sum(occurrences), count(DISTINCT shopper_id)
            FROM risk_decisions WHERE campaign_id = @campaign GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """, campaignId, farm, since, r => new DecisionCount(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4))))
        {
            decisions.Add(decision);
        }

        var blocks = new List<BlockCount>();
        await foreach (var block in RowsAsync(data,
            $"""
            WITH subjects AS (
                SELECT DISTINCT {Population} AS population, shopper_id, device_id, fingerprint FROM risk_decisions WHERE campaign_id = @campaign)
            SELECT s.population, b.kind, count(DISTINCT b.block_id)
            FROM risk_blocks b JOIN subjects s ON (b.kind = 'shopper' AND b.value = s.shopper_id) OR (b.kind = 'device' AND b.value = s.device_id)
                OR (b.kind = 'fingerprint' AND b.value = s.fingerprint)
            WHERE b.created_by = 'risk-escalation' AND b.created_at >= @since
            GROUP BY 1, 2 ORDER BY 1, 2
            """, campaignId, farm, since, r => new BlockCount(r.GetString(0), r.GetString(1), r.GetInt64(2))))
        {
            blocks.Add(block);
        }

        return (farmCoupons, ordinaryCoupons, decisions, blocks);
    }

    private static async IAsyncEnumerable<T> RowsAsync<T>(NpgsqlDataSource data, string sql, Guid campaignId, string farm, DateTimeOffset since, Func<NpgsqlDataReader, T> read)
    {
        await using var command = data.CreateCommand(sql);
        command.Parameters.AddWithValue("campaign", campaignId);
        command.Parameters.AddWithValue("farm", farm);
        if (sql.Contains("@since", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("since", since);
        }
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            yield return read(reader);
        }
    }
}
