using System.Net;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Wallet;

/// <summary>Transfers, and the races the wallet must win exactly once, counted in PostgreSQL.</summary>
[Trait("Tier", "EndToEnd")]
[Collection(SharedSystem.Name)]
public sealed class WalletRaceTests(RunningSystem system)
{
    [Fact]
    public async Task A_coupon_redeemed_from_two_devices_and_two_tills_at_once_is_used_once()
    {
        var (_, token) = await ShopperAsync();
        var campaign = await system.CreateCampaignAsync(10, coupon: new { kind = "fixed", currency = "CNY", amountOff = 20 });
        var (coupon, code) = await system.ClaimCouponAsync(token, campaign);
        using var phone = system.Client(token);
        using var tablet = system.Client(token);
        using var till1 = system.Client(await system.TokenAsync("till-a", "merchant"));
        using var till2 = system.Client(await system.TokenAsync("till-b", "merchant"));

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).SelectMany(i => new[]
        {
            phone.RedeemAsync(coupon, $"phone-{i}-{coupon}", 100),
            tablet.RedeemAsync(coupon, $"tablet-{i}-{coupon}", 100),
            till1.RedeemByCodeAsync(code, $"till1-{i}-{coupon}", 100),
            till2.RedeemByCodeAsync(code, $"till2-{i}-{coupon}", 100),
        }));

        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => Assert.Equal("already_redeemed", a.Code));
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM redemptions WHERE coupon_id = $1 AND refunded_at IS NULL", coupon));
    }

    [Fact]
    public async Task A_gift_card_raced_by_many_orders_is_spent_exactly_to_zero()
    {
        var (_, token) = await ShopperAsync();
        var campaign = await system.CreateCampaignAsync(10, coupon: new { kind = "giftcard", currency = "CNY", cardValue = 100 });
        var (card, code) = await system.ClaimCouponAsync(token, campaign);
        using var shopper = system.Client(token);
        using var till = system.Client(await system.TokenAsync("till-c", "merchant"));

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => i % 2 == 0
            ? shopper.RedeemAsync(card, $"gc-{i}-{card}", 30)
            : till.RedeemByCodeAsync(code, $"gc-{i}-{card}", 30)));

        // 30 + 30 + 30 + the 10 left; the rest find it empty.
        var spent = answers.Where(a => a.Status == HttpStatusCode.OK).Select(a => a.Decimal("discount")).Order().ToList();
        Assert.Equal([10m, 30m, 30m, 30m], spent);
        Assert.Equal(100m, await ScalarAsync("SELECT sum(discount) FROM redemptions WHERE coupon_id = $1", card));
        Assert.Equal(0m, await ScalarAsync("SELECT balance FROM coupons WHERE coupon_id = $1", card));
    }

    [Fact]
    public async Task Two_refunds_of_one_order_at_once_give_back_once()
    {
        var (_, token) = await ShopperAsync();
        var campaign = await system.CreateCampaignAsync(10, coupon: new { kind = "giftcard", currency = "CNY", cardValue = 80 });
        var (card, code) = await system.ClaimCouponAsync(token, campaign);
        using var shopper = system.Client(token);
        using var till = system.Client(await system.TokenAsync("till-d", "merchant"));
        using var otherTill = system.Client(await system.TokenAsync("till-e", "merchant"));
        var order = "refund-race-" + card;
        Assert.Equal(HttpStatusCode.OK, (await till.RedeemByCodeAsync(code, order, 50)).Status);

        // Two tills of the merchant race each other; the holder, who did not make this redemption, races them and cannot undo it.
        var answers = await Task.WhenAll(Enumerable.Range(0, 9).Select(i =>
            i % 3 == 0 ? shopper.RefundAsync(order) : i % 3 == 1 ? till.RefundAsync(order, asMerchant: true) : otherTill.RefundAsync(order, asMerchant: true)));

        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where((_, i) => i % 3 == 0), a => Assert.Equal("order_not_found", a.Code));
        Assert.All(answers.Where((a, i) => i % 3 != 0 && a.Status != HttpStatusCode.OK), a => Assert.Equal("already_refunded", a.Code));
        Assert.Equal(80m, await ScalarAsync("SELECT balance FROM coupons WHERE coupon_id = $1", card));
    }

    [Fact]
    public async Task A_transferred_coupon_belongs_to_the_recipient_only()
    {
        var (giver, giverToken) = await ShopperAsync();
        var (recipient, recipientToken) = await ShopperAsync();
        var campaign = await system.CreateCampaignAsync(10, use: new { transfer = "free" });
        var (coupon, oldCode) = await system.ClaimCouponAsync(giverToken, campaign);
        using var giverClient = system.Client(giverToken);
        using var recipientClient = system.Client(recipientToken);

        Assert.Equal("invalid_recipient", (await giverClient.TransferAsync(coupon, giver)).Code);
        var transfer = await giverClient.TransferAsync(coupon, recipient);
        Assert.Equal(HttpStatusCode.OK, transfer.Status);
        // Asked again after a lost answer: the same transfer, heard again; to anyone else it is gone.
        var again = await giverClient.TransferAsync(coupon, recipient);
        Assert.Equal((HttpStatusCode.OK, transfer.Body.GetProperty("transferredAt").GetDateTimeOffset()),
            (again.Status, again.Body.GetProperty("transferredAt").GetDateTimeOffset()));
        Assert.Equal("coupon_not_found", (await giverClient.TransferAsync(coupon, "someone-else-" + coupon)).Code);

        // The giver sees it as given, without its code; the code they saw no longer works anywhere.
        var given = Assert.Single(await giverClient.WholeWalletAsync());
        Assert.Equal("transferred", given.GetProperty("status").GetString());
        Assert.False(given.TryGetProperty("code", out _));
        Assert.Equal("coupon_not_found", (await giverClient.RedeemAsync(coupon, "giver-" + coupon, 100)).Code);
        using var till = system.Client(await system.TokenAsync("till-e", "merchant"));
        Assert.Equal("coupon_not_found", (await till.RedeemByCodeAsync(oldCode, "old-code-" + coupon, 100)).Code);

        var held = Assert.Single(await recipientClient.WholeWalletAsync("available"));
        Assert.NotEqual(oldCode, held.GetProperty("code").GetString(), StringComparer.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await recipientClient.RedeemAsync(coupon, "recipient-" + coupon, 100)).Status);
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM coupon_transfers WHERE coupon_id = $1", coupon));

        // Admins read the coupon's whole story; nobody else does.
        using var admin = system.Client(await system.TokenAsync("auditor", "admin"));
        var history = await Answer.Of(await admin.GetAsync($"/api/admin/coupons/{coupon}/history"));
        Assert.Equal(["issued", "transferred", "redeemed"], history.Body.EnumerateArray().Select(e => e.GetProperty("kind").GetString()), StringComparer.Ordinal);
        var transferred = history.Body[1];
        Assert.Equal((giver, recipient), (transferred.GetProperty("actor").GetString(), transferred.GetProperty("counterpart").GetString()));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await giverClient.GetAsync($"/api/admin/coupons/{coupon}/history")).StatusCode);

        // Not transferable campaigns keep their coupons where they are.
        var (kept, _) = await system.ClaimCouponAsync(giverToken, await system.CreateCampaignAsync(10));
        Assert.Equal("not_transferable", (await giverClient.TransferAsync(kept, recipient)).Code);
    }

    [Fact]
    public async Task A_transfer_racing_a_redeem_or_another_transfer_has_one_winner()
    {
        var campaign = await system.CreateCampaignAsync(100, use: new { transfer = "free" });
        for (var round = 0; round < 5; round++)
        {
            var (_, token) = await ShopperAsync();
            var (coupon, _) = await system.ClaimCouponAsync(token, campaign);
            using var phone = system.Client(token);
            using var tablet = system.Client(token);

            var answers = await Task.WhenAll(
                phone.TransferAsync(coupon, $"friend-a-{round}-{coupon}"),
                tablet.RedeemAsync(coupon, $"order-{round}-{coupon}", 100),
                tablet.TransferAsync(coupon, $"friend-b-{round}-{coupon}"));

            Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
            Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK),
                a => Assert.Contains(a.Code, new[] { "coupon_not_found", "already_redeemed" }, StringComparer.Ordinal));
            var transfers = await ScalarAsync("SELECT count(*) FROM coupon_transfers WHERE coupon_id = $1", coupon);
            var redemptions = await ScalarAsync("SELECT count(*) FROM redemptions WHERE coupon_id = $1", coupon);
            Assert.Equal(1L, (long)transfers + (long)redemptions);
        }
    }

    [Fact]
    public async Task Received_coupons_count_against_the_recipients_limit_where_the_campaign_says_so()
    {
        var campaign = await system.CreateCampaignAsync(100, perUserLimit: 1, use: new { transfer = "withinLimit" });
        var (recipient, recipientToken) = await ShopperAsync();
        var givers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ShopperAsync()));
        var coupons = await Task.WhenAll(givers.Select(g => system.ClaimCouponAsync(g.Token, campaign)));

        // Four givers at once: the recipient may hold one.
        var clients = givers.Select(g => system.Client(g.Token)).ToList();
        var answers = await Task.WhenAll(clients.Select((c, i) => c.TransferAsync(coupons[i].Id, recipient)));
        clients.ForEach(c => c.Dispose());
        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => Assert.Equal("recipient_limit_reached", a.Code));

        // And the received coupon takes the place of a claim.
        using var client = system.Client(recipientToken);
        Assert.Equal("limit_reached", (await client.ClaimAsync(campaign, "after-receiving")).Code);
        Assert.Equal(1L, await ScalarAsync(
            "SELECT count(*) FROM coupon_transfers WHERE campaign_id = $1 AND to_shopper = $2 AND counted", campaign, recipient));

        // Someone who claimed already cannot receive one.
        var claimer = await ShopperAsync();
        await system.ClaimCouponAsync(claimer.Token, campaign);
        var loser = Enumerable.Range(0, givers.Length).First(i => answers[i].Status != HttpStatusCode.OK);
        using var loserClient = system.Client(givers[loser].Token);
        Assert.Equal("recipient_limit_reached", (await loserClient.TransferAsync(coupons[loser].Id, claimer.Id)).Code);
    }

    private async Task<(string Id, string Token)> ShopperAsync()
    {
        var id = "race-" + Guid.NewGuid().ToString("N")[..10];
        return (id, await system.TokenAsync(id, "shopper"));
    }

    private async Task<object> ScalarAsync(string sql, params object[] values)
    {
        await using var command = system.Database.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new() { Value = value });
        }

        return (await command.ExecuteScalarAsync())!;
    }
}
