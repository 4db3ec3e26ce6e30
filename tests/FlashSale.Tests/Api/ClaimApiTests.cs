using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Api;

[Collection(nameof(RunningSystemCollection))]
[Trait("Tier", "EndToEnd")]
public sealed class ClaimApiTests(RunningSystem system)
{
    [Fact]
    public async Task A_shopper_claims_a_coupon_and_a_replay_returns_the_same_one()
    {
        var campaign = await system.CreateCampaignAsync(totalStock: 5);
        using var shopper = system.Client(await system.TokenAsync("happy-" + Guid.NewGuid(), "shopper"));

        var first = await shopper.ClaimAsync(campaign, "key-1");
        var replay = await shopper.ClaimAsync(campaign, "key-1");

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(first.Body.ToString(), replay.Body.ToString());
        Assert.Equal(HttpStatusCode.Created, replay.Status);
        Assert.Equal(campaign, first.Body.GetProperty("campaignId").GetGuid());
        Assert.Equal("fixed", first.Body.GetProperty("kind").GetString());
        Assert.Equal(50m, first.Body.GetProperty("amountOff").GetDecimal());
        var code = first.Body.GetProperty("code").GetString()!;
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{24}$", code);
        Assert.True(first.Body.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(6));

        var view = await system.Client().GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}");
        Assert.Equal(1, view.GetProperty("issued").GetInt32());
        Assert.Equal(4, view.GetProperty("remaining").GetInt32());
        Assert.Equal("open", view.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Refusals_carry_stable_codes()
    {
        var campaign = await system.CreateCampaignAsync(totalStock: 1);
        using var first = system.Client(await system.TokenAsync("first-" + Guid.NewGuid(), "shopper"));
        using var second = system.Client(await system.TokenAsync("second-" + Guid.NewGuid(), "shopper"));
        Assert.Equal(HttpStatusCode.Created, (await first.ClaimAsync(campaign, "k")).Status);

        var limit = await first.ClaimAsync(campaign, "k2");
        var soldOut = await second.ClaimAsync(campaign, "k");
        var reused = await first.ClaimAsync(await system.CreateCampaignAsync(totalStock: 1), "k");
        var missing = await first.ClaimAsync(Guid.NewGuid(), "k3");
        var later = await first.ClaimAsync(await system.CreateCampaignAsync(1, startsAt: DateTimeOffset.UtcNow.AddHours(1)), "k4");

        Assert.Equal((HttpStatusCode.Conflict, "sold_out"), (soldOut.Status, soldOut.Code));
        Assert.Equal((HttpStatusCode.Conflict, "limit_reached"), (limit.Status, limit.Code));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "idempotency_key_reused"), (reused.Status, reused.Code));
        Assert.Equal((HttpStatusCode.NotFound, "campaign_not_found"), (missing.Status, missing.Code));
        Assert.Equal((HttpStatusCode.Conflict, "not_started"), (later.Status, later.Code));
        Assert.True(later.Body.GetProperty("startsAt").GetDateTimeOffset() > later.Body.GetProperty("now").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_per_user_limit_is_refused_as_limit_reached()
    {
        var campaign = await system.CreateCampaignAsync(totalStock: 10, perUserLimit: 2);
        using var shopper = system.Client(await system.TokenAsync("limited-" + Guid.NewGuid(), "shopper"));
        Assert.Equal(HttpStatusCode.Created, (await shopper.ClaimAsync(campaign, "a")).Status);
        Assert.Equal(HttpStatusCode.Created, (await shopper.ClaimAsync(campaign, "b")).Status);

        var third = await shopper.ClaimAsync(campaign, "c");

        Assert.Equal((HttpStatusCode.Conflict, "limit_reached"), (third.Status, third.Code));
    }

    [Fact]
    public async Task The_api_reference_and_openapi_document_cover_every_endpoint()
    {
        using var client = system.Client();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/campaigns", out _));
        Assert.True(paths.TryGetProperty("/api/campaigns/{id}", out _));
        var claims = paths.GetProperty("/api/campaigns/{id}/claims").GetProperty("post").GetProperty("responses");
        foreach (var status in new[] { "201", "400", "401", "403", "404", "409", "422", "503" })
        {
            Assert.True(claims.TryGetProperty(status, out _), $"claims response {status} undocumented");
        }

        Assert.True(paths.TryGetProperty("/api/dev/tokens", out _));
        var reference = await client.GetAsync("/scalar");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Contains("text/html", reference.Content.Headers.ContentType!.ToString());
    }
}
