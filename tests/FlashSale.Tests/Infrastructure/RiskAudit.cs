using System.Globalization;
using Npgsql;

namespace FlashSale.Tests.Infrastructure;

/// <summary>The limits that span campaigns, counted straight from the coupons table.</summary>
public static class RiskAudit
{
    /// <summary>Coupons claimed from the device, per campaign.</summary>
    public static async Task<Dictionary<Guid, int>> DeviceClaimsPerCampaignAsync(NpgsqlDataSource database, string deviceId)
    {
        var counts = new Dictionary<Guid, int>();
        await using var command = database.CreateCommand("SELECT campaign_id, count(*) FROM coupons WHERE device_id = $1 GROUP BY campaign_id");
        command.Parameters.Add(new() { Value = deviceId });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetGuid(0)] = (int)reader.GetInt64(1);
        }

        return counts;
    }

    /// <summary>Distinct shoppers holding a coupon claimed from the device.</summary>
    public static Task<int> DeviceAccountsAsync(NpgsqlDataSource database, string deviceId) =>
        CountAsync(database, "SELECT count(DISTINCT shopper_id) FROM coupons WHERE device_id = $1", deviceId);

    /// <summary>Coupons claimed from the device on its busiest day.</summary>
    public static Task<int> DeviceMaxPerDayAsync(NpgsqlDataSource database, string deviceId) =>
        CountAsync(database, "SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM coupons WHERE device_id = $1 GROUP BY claim_day) d", deviceId);

    /// <summary>Coupons the shopper claimed on their busiest day, across campaigns.</summary>
    public static Task<int> ShopperMaxPerDayAsync(NpgsqlDataSource database, string shopperId) =>
        CountAsync(database, "SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM coupons WHERE shopper_id = $1 GROUP BY claim_day) d", shopperId);

    private static async Task<int> CountAsync(NpgsqlDataSource database, string sql, string key)
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.Add(new() { Value = key });
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
