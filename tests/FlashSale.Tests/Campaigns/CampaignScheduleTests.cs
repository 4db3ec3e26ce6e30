using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Campaigns;

/// <summary>
/// A campaign's end closes its results from a reminder that outlives a SIGKILLed silo, also when no silo was up at
/// the end itself (Orleans fires a missed tick only at the reminder's next period: 5 s in this class's system, a
/// minute by default), which no calm test shares.
/// </summary>
[Trait("Tier", "EndToEnd")]
[Collection(QuickRemindersCollection.Name)]
public sealed class CampaignScheduleTests(QuickRemindersSystem system) : CrashSystemTests
{
    protected override RunningSystem TestSystem => system;

    [Fact]
    public async Task The_end_closes_the_results_within_a_minute_across_a_silo_down_at_the_end()
    {
        var endsAt = DateTimeOffset.UtcNow.AddSeconds(10);
        var campaign = await system.CreateCampaignAsync(5, endsAt: endsAt);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await system.ClaimAsShopperAsync(campaign, $"closing-{campaign:N}-{i}", "k1")).Status);
        }

        Assert.Equal("limit_reached", (await system.ClaimAsShopperAsync(campaign, $"closing-{campaign:N}-0", "k2")).Code);
        // Refusal counts are saved every few seconds; the kill must not beat them.
        Assert.Equal(1, await Eventually.ReturnsAsync(() => CountAsync("SELECT count(*) FROM campaign_refusals WHERE campaign_id = $1", campaign), n => n == 1));

        await system.Silo.KillAsync();
        // The silo stays down until the end has passed: the reminder's tick is missed, not merely delayed.
        var downFor = endsAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
        if (downFor > TimeSpan.Zero)
        {
            await Task.Delay(downFor);
        }

        await system.StartSiloAsync();
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM campaign_final_results WHERE campaign_id = $1", campaign));

        // Nobody calls the campaign again: only its schedule can close it, at the reminder's next period.
        var closed = await Eventually.ReturnsAsync(() => CountAsync("SELECT count(*) FROM campaign_final_results WHERE campaign_id = $1", campaign),
            n => n == 1, within: QuickRemindersSystem.Period * 6);
        Assert.Equal(1, closed);
        await using (var command = system.Database.CreateCommand(
            "SELECT closed_at, issued, claimants, refusals->>'limit_reached' FROM campaign_final_results WHERE campaign_id = $1"))
        {
            command.Parameters.Add(new() { Value = campaign });
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.True(reader.GetFieldValue<DateTimeOffset>(0) >= endsAt);
            Assert.Equal((3, 3, "1"), (reader.GetInt32(1), reader.GetInt32(2), reader.GetString(3)));
        }

        using var marketing = await system.MarketerAsync("closer");
        var stats = await Eventually.ReturnsAsync(async () =>
        {
            using var response = await marketing.GetAsync($"/api/campaigns/{campaign}/stats");
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
        }, s => s.ValueKind == JsonValueKind.Object);
        Assert.Equal(("ended", 3, 3), (stats.GetProperty("state").GetString(), stats.GetProperty("issued").GetInt32(), stats.GetProperty("claimants").GetInt32()));
        Assert.True(stats.TryGetProperty("closedAt", out _));
    }

    private async Task<long> CountAsync(string sql, Guid campaign)
    {
        await using var command = system.Database.CreateCommand(sql);
        command.Parameters.Add(new() { Value = campaign });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
