using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Campaigns;

/// <summary>A campaign's time zone: stored, listed, edited before the opening, and only IANA names accepted.</summary>
[Trait("Tier", "EndToEnd")]
[Collection(SharedSystem.Name)]
public sealed class CampaignTimeZoneTests(RunningSystem system)
{
    [Fact]
    public async Task A_campaign_keeps_its_iana_time_zone_in_its_view_and_in_lists_and_an_edit_changes_it()
    {
        using var marketing = await system.MarketerAsync("zoned-" + Guid.NewGuid().ToString("N")[..8]);
        var created = await marketing.PostAsJsonAsync("/api/campaigns", Body("Asia/Shanghai"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        Assert.Equal("Asia/Shanghai", (await marketing.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}")).GetProperty("timeZone").GetString());
        var listed = (await marketing.GetFromJsonAsync<JsonElement>("/api/campaigns?state=scheduled&limit=100")).GetProperty("campaigns")
            .EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == id);
        Assert.Equal("Asia/Shanghai", listed.GetProperty("timeZone").GetString());

        var edited = await marketing.PatchAsJsonAsync($"/api/campaigns/{id}", new { timeZone = "Europe/Berlin" });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("Europe/Berlin", await system.Database.ScalarAsync<string>("SELECT time_zone FROM campaign_stock WHERE campaign_id = $1", id));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("China Standard Time")]
    [InlineData("+08:00")]
    public async Task A_time_zone_that_is_not_an_iana_name_is_refused_by_field_and_nothing_is_created(string zone)
    {
        using var marketing = await system.MarketerAsync("unzoned-" + Guid.NewGuid().ToString("N")[..8]);
        var name = "Zone " + Guid.NewGuid().ToString("N")[..8];
        var response = await marketing.PostAsJsonAsync("/api/campaigns", Body(zone, name));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("timeZone", out _));
        Assert.Equal(0L, await system.Database.ScalarAsync<long>("SELECT count(*) FROM campaign_stock WHERE campaign_name = $1", name));
    }

    private static object Body(string timeZone, string name = "Zoned drop") => new
    {
        name,
        coupon = new { kind = "fixed", currency = "CNY", amountOff = 10 },
        totalStock = 10,
        startsAt = DateTimeOffset.UtcNow.AddDays(1),
        endsAt = DateTimeOffset.UtcNow.AddDays(2),
        validity = new { days = 7 },
        timeZone,
    };
}
