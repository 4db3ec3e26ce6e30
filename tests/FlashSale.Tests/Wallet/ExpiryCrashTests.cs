using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Wallet;

/// <summary>Expiry reminders survive a SIGKILL of the silo; on a system with reminders every 5 s, which no calm test shares.</summary>
[Trait("Tier", "EndToEnd")]
[Collection(QuickRemindersCollection.Name)]
public sealed class ExpiryCrashTests(QuickRemindersSystem system) : CrashSystemTests
{
    protected override RunningSystem TestSystem => system;

    [Fact]
    public async Task A_reminder_scheduled_before_a_silo_is_killed_still_reaches_the_inbox_after_the_restart()
    {
        var shopper = "durable-" + Guid.NewGuid().ToString("N")[..8];
        var token = await system.TokenAsync(shopper, "shopper");
        var now = DateTimeOffset.UtcNow;
        // Due 20 s from now, long after the kill: only the schedule stored in PostgreSQL can bring it.
        var campaign = await system.CreateCampaignAsync(10, endsAt: now.AddSeconds(30), validity: new { until = now.AddSeconds(90) },
            use: new { remindBefore = new[] { "00:01:10" } });
        var (coupon, _) = await system.ClaimCouponAsync(token, campaign);

        await system.Silo.KillAsync();
        await system.StartSiloAsync();

        using var client = system.Client(token);
        var inbox = await Eventually.ReturnsAsync(async () =>
            {
                try
                {
                    return await client.GetFromJsonAsync<JsonElement>("/api/me/alerts");
                }
                catch (HttpRequestException)
                {
                    return default;
                }
            },
            page => page.ValueKind == JsonValueKind.Object && page.GetProperty("alerts").GetArrayLength() > 0,
            TimeSpan.FromSeconds(150));
        var alert = Assert.Single(inbox.GetProperty("alerts").EnumerateArray());
        Assert.Equal(coupon, alert.GetProperty("couponId").GetGuid());
        Assert.True(alert.GetProperty("createdAt").GetDateTimeOffset() >= now.AddSeconds(20), "reminded before its threshold");
    }
}
