using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Money;

/// <summary>Issue 16's hardening of the routes that move value, each found by trying it from outside.</summary>
[Trait("Tier", "EndToEnd")]
[Collection(SharedSystem.Name)]
public sealed class MoneyHardeningTests(RunningSystem system)
{
    [Fact]
    public async Task A_top_up_retried_with_its_key_adds_once_even_when_the_retries_race()
    {
        using var marketer = await system.MarketerAsync("topper-" + Guid.NewGuid().ToString("N")[..6]);
        var campaign = await system.CreateCampaignAsync(10);
        var key = "top-up-" + campaign;

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => TopUpAsync(marketer, campaign, 5, key)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(5, answers.Count(a => a.Replayed));
        Assert.Equal(15, await StockAsync(campaign));
        Assert.Equal(15, (await TopUpAsync(marketer, campaign, 5, key)).Body.GetProperty("totalStock").GetInt32());

        var reused = await TopUpAsync(marketer, campaign, 7, key);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "idempotency_key_reused"), (reused.Status, reused.Code));
        var elsewhere = await TopUpAsync(marketer, await system.CreateCampaignAsync(10), 5, key);
        Assert.Equal("idempotency_key_reused", elsewhere.Code);
        Assert.Equal(HttpStatusCode.OK, (await TopUpAsync(marketer, campaign, 5, null)).Status);
        Assert.Equal(20, await StockAsync(campaign));
    }

    [Fact]
    public async Task An_admins_points_credit_retried_with_its_key_credits_once()
    {
        using var admin = await system.AdminAsync();
        var shopper = "credited-" + Guid.NewGuid().ToString("N")[..8];
        var key = "credit-" + shopper;

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => CreditAsync(admin, shopper, 300, key)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(4, answers.Count(a => a.Replayed));
        Assert.All(answers, a => Assert.Equal(300L, a.Body.GetProperty("balance").GetInt64()));
        Assert.Equal("idempotency_key_reused", (await CreditAsync(admin, shopper, 301, key)).Code);
        Assert.Equal("idempotency_key_reused", (await CreditAsync(admin, shopper + "-other", 300, key)).Code);
        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM points_entries WHERE shopper_id = $1", shopper));
    }

    [Fact]
    public async Task A_blocked_shopper_moves_no_value_on_any_route()
    {
        var shopperId = "blocked-" + Guid.NewGuid().ToString("N")[..8];
        var token = await system.TokenAsync(shopperId, "shopper");
        using var shopper = system.Client(token);
        var coupon = (await system.ClaimCouponAsync(token, await system.CreateCampaignAsync(10, use: new { transfer = "free" }))).Id;
        var card = (await system.ClaimCouponAsync(token, await system.CreateCampaignAsync(10, coupon: new { kind = "points", points = 10 }))).Id;
        var order = "before-block-" + coupon;
        var spare = (await system.ClaimCouponAsync(token, await system.CreateCampaignAsync(10))).Id;
        Assert.Equal(HttpStatusCode.OK, (await shopper.RedeemAsync(spare, order, 100)).Status);

        using var admin = await system.AdminAsync();
        await admin.BlockAsync("shopper", shopperId);
        // Blocks reach API nodes within their refresh: a refund of no order (404 until then) says when it has arrived.
        var probe = await Eventually.ReturnsAsync(() => shopper.RefundAsync("no-such-order"), a => a.Status != HttpStatusCode.NotFound);
        Assert.Equal((HttpStatusCode.Forbidden, "risk_blocked"), (probe.Status, probe.Code));

        foreach (var answer in new[]
        {
            await shopper.RedeemAsync(coupon, "after-block", 100),
            await shopper.TransferAsync(coupon, "accomplice"),
            await shopper.RefundAsync(order),
            await Answer.Of(await shopper.PostAsJsonAsync("/api/me/checkout", new { orderId = "after-block-2", amount = 100, currency = "CNY" })),
            await Answer.Of(await shopper.PostAsync($"/api/me/coupons/{card}/redeem-points", null)),
        })
        {
            Assert.Equal((HttpStatusCode.Forbidden, "risk_blocked"), (answer.Status, answer.Code));
        }

        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM redemptions WHERE holder_id = $1", shopperId));
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM coupon_transfers WHERE from_shopper = $1", shopperId));
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM redemptions WHERE refunded_at IS NOT NULL AND holder_id = $1", shopperId));
        // Reading one's wallet moves nothing, and stays open.
        Assert.Equal(HttpStatusCode.OK, (await shopper.WalletAsync()).Status);
    }

    [Fact]
    public async Task A_counted_transfer_cannot_carry_a_coupon_into_another_variant_past_the_campaigns_limit()
    {
        using var marketer = await system.MarketerAsync("variants-" + Guid.NewGuid().ToString("N")[..6]);
        var coupon = new { kind = "fixed", currency = "CNY", amountOff = 5 };
        var response = await marketer.PostAsJsonAsync("/api/campaigns", new
        {
            name = "A or B",
            perUserLimit = 1,
            startsAt = DateTimeOffset.UtcNow.AddSeconds(-1),
            endsAt = DateTimeOffset.UtcNow.AddHours(1),
            validity = new { days = 7 },
            use = new { transfer = "withinLimit" },
            variants = new object[] { new { key = "a", coupon, totalStock = 50 }, new { key = "b", coupon, totalStock = 50 } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var campaign = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // Shoppers until two land in different variants.
        var byVariant = new Dictionary<Guid, (string Id, HttpClient Client, Guid Coupon)>();
        for (var i = 0; byVariant.Count < 2 && i < 40; i++)
        {
            var id = $"variant-{campaign:N}-{i}";
            var client = system.Client(await system.TokenAsync(id, "shopper"));
            var claim = await client.ClaimAsync(campaign, "k");
            Assert.Equal(HttpStatusCode.Created, claim.Status);
            byVariant.TryAdd(claim.Body.GetProperty("campaignId").GetGuid(), (id, client, claim.CouponId));
        }

        var (giver, recipient) = (byVariant.Values.First(), byVariant.Values.Last());
        var refused = await giver.Client.TransferAsync(giver.Coupon, recipient.Id);
        Assert.Equal((HttpStatusCode.Conflict, "recipient_in_other_variant"), (refused.Status, refused.Code));
        Assert.Single(await recipient.Client.WholeWalletAsync("available"));
        foreach (var (_, client, _) in byVariant.Values)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task A_key_reused_from_another_campaign_never_fails_the_other_claims_committed_with_it()
    {
        var first = await system.CreateCampaignAsync(10);
        var second = await system.CreateCampaignAsync(500);
        var reuser = "reuser-" + Guid.NewGuid().ToString("N")[..8];
        using var reuserClient = system.Client(await system.TokenAsync(reuser, "shopper"));
        Assert.Equal(HttpStatusCode.Created, (await reuserClient.ClaimAsync(first, "shared-key")).Status);

        var others = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
            system.Client(await system.TokenAsync($"other-{second:N}-{i}", "shopper"))));
        // Many claims at once, so that the reused key shares group commits with others.
        for (var round = 0; round < 3; round++)
        {
            var reused = reuserClient.ClaimAsync(second, round == 0 ? "shared-key" : $"shared-key-{round}");
            var answers = await Task.WhenAll(others.Select((c, i) => c.ClaimAsync(second, $"round-{round}-{i}")));
            Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.Created || a.Code == "limit_reached", $"{a.Status} {a.Code}"));
            if (round == 0)
            {
                Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Status));
                Assert.Equal("idempotency_key_reused", (await reused).Code);
            }
            else
            {
                await reused;
            }
        }

        Assert.Equal(41L, await CountAsync("SELECT count(*) FROM coupons WHERE campaign_id = $1::uuid", second.ToString()));
        foreach (var client in others)
        {
            client.Dispose();
        }
    }

    private static async Task<Answer> CreditAsync(HttpClient admin, string shopperId, long points, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/points")
        {
            Content = JsonContent.Create(new { shopperId, points, note = "goodwill" }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return await Answer.Of(await admin.SendAsync(request));
    }

    private static async Task<Answer> TopUpAsync(HttpClient marketer, Guid campaign, int add, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/campaigns/{campaign}/stock") { Content = JsonContent.Create(new { add }) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await Answer.Of(await marketer.SendAsync(request));
    }

    private async Task<int> StockAsync(Guid campaign)
    {
        await using var command = system.Database.CreateCommand("SELECT total_stock FROM campaign_stock WHERE campaign_id = $1");
        command.Parameters.Add(new() { Value = campaign });
        return (int)(await command.ExecuteScalarAsync())!;
    }

    private async Task<long> CountAsync(string sql, string parameter)
    {
        await using var command = system.Database.CreateCommand(sql);
        command.Parameters.Add(new() { Value = parameter });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
