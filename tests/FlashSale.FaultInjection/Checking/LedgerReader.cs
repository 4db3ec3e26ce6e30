using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.FaultInjection.Load;
using Npgsql;
using Polly;
using Polly.Retry;

namespace FlashSale.FaultInjection.Checking;

/// <summary>Reads what the checker compares the history with: the ledger rows, and the campaigns as the API shows them.</summary>
public sealed class LedgerReader(string connectionString, Uri api)
{
    // The load has stopped, but a silo restarted late in the run may still be taking its campaigns back: the
    // API answers 503 or times out meanwhile, which says nothing about the books, so the read is retried for a minute.
    private static readonly ResiliencePipeline UntilAnswered = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>().Handle<TaskCanceledException>(),
            MaxRetryAttempts = 30,
            Delay = TimeSpan.FromSeconds(2),
            BackoffType = DelayBackoffType.Constant,
        })
        .Build();

    public async Task<CampaignLedger> CampaignAsync(SaleCampaign campaign)
    {
        await using var database = NpgsqlDataSource.Create(connectionString);
        await using var command = database.CreateCommand(
            """
            SELECT s.total_stock + s.recycled, s.issued,
                   (SELECT count(*) FROM coupons c WHERE c.campaign_id = s.campaign_id),
                   (SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM coupons c
                     WHERE c.campaign_id = s.campaign_id GROUP BY c.shopper_id) per_shopper),
                   (SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM coupons c
                     WHERE c.campaign_id = s.campaign_id GROUP BY c.device_id) per_device)
              FROM campaign_stock s
             WHERE s.campaign_id = $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = campaign.Id });
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            throw new InvalidOperationException($"campaign {campaign.Id} has no ledger row");
        }

        using var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(10) };
        var shown = await UntilAnswered.ExecuteAsync(async cancel => await http.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign.Id}", cancel));
        return new CampaignLedger(campaign.Name, campaign.Id, reader.GetInt32(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
            shown.GetProperty("issued").GetInt32(), shown.GetProperty("remaining").GetInt32(), shown.GetProperty("totalStock").GetInt32(),
            shown.GetProperty("state").GetString()!);
    }

    /// <summary>The most distinct shoppers any one device claimed for, across the run's campaigns.</summary>
    public async Task<long> MostAccountsPerDeviceAsync(IEnumerable<Guid> campaignIds)
    {
        await using var database = NpgsqlDataSource.Create(connectionString);
        await using var command = database.CreateCommand(
            """
            SELECT coalesce(max(n), 0) FROM (SELECT count(DISTINCT shopper_id) AS n FROM coupons
                                              WHERE campaign_id = ANY($1) GROUP BY device_id) per_device
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = campaignIds.ToArray() });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Every coupon row of the campaigns, by the (shopper, key) it was issued for; a key with two rows lists both.</summary>
    public async Task<ILookup<(string Shopper, string Key), (Guid Coupon, Guid Campaign)>> CouponsByKeyAsync(IEnumerable<Guid> campaignIds)
    {
        await using var database = NpgsqlDataSource.Create(connectionString);
        await using var command = database.CreateCommand(
            "SELECT shopper_id, idempotency_key, coupon_id, campaign_id FROM coupons WHERE campaign_id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = campaignIds.ToArray() });
        var rows = new List<(string, string, Guid, Guid)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetGuid(2), reader.GetGuid(3)));
        }

        return rows.ToLookup(r => (r.Item1, r.Item2), r => (r.Item3, r.Item4));
    }
}
