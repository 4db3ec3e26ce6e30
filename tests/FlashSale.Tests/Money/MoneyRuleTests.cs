using System.Net;
using System.Net.Http.Json;
using FlashSale.Tests.Infrastructure;
using Npgsql;

namespace FlashSale.Tests.Money;

/// <summary>
/// The money rules M1-M7 (README "Money rules"), each tried through every route that could break
/// it, over real HTTP and concurrently where a race could; and each checked where the database
/// holds it, by writing to it directly as a buggy or stale writer would.
/// </summary>
[Trait("Tier", "EndToEnd")]
[Collection(CrashSystem.Name)]
public sealed class MoneyRuleTests(RunningSystem system) : CrashSystemTests
{
    protected override RunningSystem TestSystem => system;

    [Fact]
    public async Task M1_an_exclusive_coupon_stays_alone_on_its_order_whichever_route_each_coupon_takes()
    {
        var (_, token) = await ShopperAsync();
        using var shopper = system.Client(token);
        var exclusive = new { stackable = false };
        var first = await CouponAsync(token, new { kind = "fixed", currency = "CNY", amountOff = 50 }, exclusive);
        var second = await CouponAsync(token, new { kind = "fixed", currency = "CNY", amountOff = 50 }, exclusive);
        var stackable = await CouponAsync(token, new { kind = "fixed", currency = "CNY", amountOff = 5 });
        var order = Order();

        Assert.Equal(50m, (await shopper.RedeemAsync(first, order, 60)).Decimal("discount"));
        Assert.Equal("not_stackable", (await shopper.RedeemAsync(second, order, 60)).Code);
        Assert.Equal("not_stackable", (await shopper.RedeemAsync(stackable, order, 60)).Code);
        // A checkout cannot add to an order already made, whatever it names.
        Assert.Equal("order_conflict", (await CheckoutAsync(shopper, order, 60, second)).Code);
        Assert.Equal((50m, 1), await OrderInDatabaseAsync("shopper:", order));

        // The same pair at a till, by code, on one order of the merchant.
        var (_, tillToken) = await ShopperAsync();
        var codeA = await ClaimCodeAsync(tillToken, new { kind = "fixed", currency = "CNY", amountOff = 50 }, exclusive);
        var codeB = await ClaimCodeAsync(tillToken, new { kind = "fixed", currency = "CNY", amountOff = 50 }, exclusive);
        using var till = system.Client(await system.TokenAsync("till-m1", "merchant"));
        var tillOrder = Order();
        Assert.Equal(HttpStatusCode.OK, (await till.RedeemByCodeAsync(codeA, tillOrder, 60)).Status);
        Assert.Equal("not_stackable", (await till.RedeemByCodeAsync(codeB, tillOrder, 60)).Code);
    }

    [Fact]
    public async Task M1_an_orders_discount_never_passes_its_amount_even_with_coupons_redeemed_at_once_on_it()
    {
        var (_, token) = await ShopperAsync();
        using var shopper = system.Client(token);
        var coupons = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            coupons.Add(await CouponAsync(token, new { kind = "fixed", currency = "CNY", amountOff = 50 }));
        }

        var order = Order();
        var answers = await Task.WhenAll(coupons.Select(c => shopper.RedeemAsync(c, order, 120)));

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.OK || a.Code == "nothing_to_discount", $"{a.Status} {a.Code}"));
        Assert.Equal(120m, answers.Where(a => a.Status == HttpStatusCode.OK).Sum(a => a.Decimal("discount")));
        Assert.Equal((120m, 3), await OrderInDatabaseAsync("shopper:", order));
        Assert.Equal(120m, await ScalarAsync<decimal>(
            "SELECT sum(discount) FROM redemptions WHERE order_id = $1 AND refunded_at IS NULL", order));

        // Two coupons of one campaign never share an order, and another amount is another order.
        var campaign = await system.CreateCampaignAsync(10, perUserLimit: 2);
        var sameA = (await system.ClaimCouponAsync(token, campaign)).Id;
        var sameB = (await system.ClaimCouponAsync(token, campaign)).Id;
        var second = Order();
        Assert.Equal(HttpStatusCode.OK, (await shopper.RedeemAsync(sameA, second, 500)).Status);
        Assert.Equal("not_stackable", (await shopper.RedeemAsync(sameB, second, 500)).Code);
        Assert.Equal("order_conflict", (await shopper.RedeemAsync(sameB, second, 400)).Code);
    }

    [Fact]
    public async Task M1_exclusive_coupons_redeemed_at_once_on_one_new_order_leave_exactly_one_on_it()
    {
        var (_, token) = await ShopperAsync();
        using var shopper = system.Client(token);
        var coupons = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            coupons.Add(await CouponAsync(token, new { kind = "fixed", currency = "CNY", amountOff = 10 }, new { stackable = false }));
        }

        var order = Order();
        var answers = await Task.WhenAll(coupons.Select(c => shopper.RedeemAsync(c, order, 100)));

        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => Assert.Equal("not_stackable", a.Code));
        Assert.Equal((10m, 1), await OrderInDatabaseAsync("shopper:", order));
    }

    [Fact]
    public async Task M2_a_points_card_turned_into_points_is_never_an_order_and_never_comes_back()
    {
        var (shopperId, token) = await ShopperAsync();
        using var shopper = system.Client(token);
        var card = await CouponAsync(token, new { kind = "points", points = 100 });

        Assert.Equal(HttpStatusCode.OK, (await shopper.PostAsync($"/api/me/coupons/{card}/redeem-points", null)).StatusCode);
        var refund = await shopper.RefundAsync($"points-card:{card}");
        Assert.Equal((HttpStatusCode.NotFound, "order_not_found"), (refund.Status, refund.Code));
        var again = await Answer.Of(await shopper.PostAsync($"/api/me/coupons/{card}/redeem-points", null));
        // Asked again: the same credit heard again, nothing added.
        Assert.Equal((HttpStatusCode.OK, 100L), (again.Status, again.Body.GetProperty("balance").GetInt64()));
        Assert.Equal(card, Assert.Single(await shopper.WholeWalletAsync("redeemed")).GetProperty("couponId").GetGuid());
        Assert.Equal(100L, (await shopper.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me/points")).GetProperty("balance").GetInt64());

        // The database holds it too: the card's use cannot be undone, entries cannot be rewritten,
        // and a balance that is not the sum of its entries does not commit.
        await AssertRefusedAsync("UPDATE redemptions SET refunded_at = now() WHERE coupon_id = $1", card);
        await AssertRefusedAsync("UPDATE points_entries SET delta = 1000 WHERE shopper_id = $1", shopperId);
        await AssertRefusedAsync("DELETE FROM points_entries WHERE shopper_id = $1", shopperId);
        await AssertRefusedAsync("UPDATE points_accounts SET balance = balance + 1 WHERE shopper_id = $1", shopperId);
        await AssertRefusedAsync(
            "INSERT INTO points_entries (shopper_id, delta, reason, coupon_id, created_at) VALUES ($1, 100, 'points_card', gen_random_uuid(), now())",
            shopperId, because: "an entry with no points card behind it breaks the balance");
    }

    [Fact]
    public async Task M3_a_gift_cards_balance_is_its_value_less_its_standing_spends_whoever_writes_it()
    {
        var (_, token) = await ShopperAsync();
        using var shopper = system.Client(token);
        var card = await CouponAsync(token, new { kind = "giftcard", currency = "CNY", cardValue = 100 });
        var (first, second) = (Order(), Order());
        Assert.Equal(30m, (await shopper.RedeemAsync(card, first, 30)).Decimal("discount"));
        Assert.Equal(45m, (await shopper.RedeemAsync(card, second, 45)).Decimal("discount"));

        Assert.Equal(HttpStatusCode.OK, (await shopper.RefundAsync(first)).Status);
        Assert.Equal(55m, await BalanceAsync(card));

        // A writer that sets the balance by hand gets the true one.
        await using (var command = system.Database.CreateCommand("UPDATE coupons SET balance = 100 WHERE coupon_id = $1"))
        {
            command.Parameters.Add(new() { Value = card });
            await command.ExecuteNonQueryAsync();
        }

        Assert.Equal(55m, await BalanceAsync(card));
        Assert.Equal(HttpStatusCode.OK, (await shopper.RefundAsync(second)).Status);
        Assert.Equal(100m, await BalanceAsync(card));
    }

    [Fact]
    public async Task M4_after_a_transfer_the_givers_replay_carries_no_code_before_and_after_a_restart()
    {
        var (_, giverToken) = await ShopperAsync();
        var (recipientId, recipientToken) = await ShopperAsync();
        var campaign = await system.CreateCampaignAsync(10, coupon: new { kind = "giftcard", currency = "CNY", cardValue = 200 }, use: new { transfer = "free" });
        using var giver = system.Client(giverToken);
        var claim = await giver.ClaimAsync(campaign, "gift-key");
        var oldCode = claim.Body.GetProperty("code").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await giver.TransferAsync(claim.CouponId, recipientId)).Status);
        using var recipient = system.Client(recipientToken);
        var newCode = Assert.Single(await recipient.WholeWalletAsync("available")).GetProperty("code").GetString()!;
        Assert.NotEqual(oldCode, newCode, StringComparer.Ordinal);

        await AssertReplayHidesCodeAsync(giver, campaign, claim.CouponId, newCode);

        // A fresh activation reads the claim back from the ledger: still no code.
        await system.Silo.KillAsync();
        await system.StartSiloAsync();
        await AssertReplayHidesCodeAsync(giver, campaign, claim.CouponId, newCode);

        // The code the giver saw is dead at the till; the holder's works.
        using var till = system.Client(await system.TokenAsync("till-m4", "merchant"));
        Assert.Equal("coupon_not_found", (await till.RedeemByCodeAsync(oldCode, Order(), 10)).Code);
        Assert.Equal(HttpStatusCode.OK, (await till.RedeemByCodeAsync(newCode, Order(), 10)).Status);
    }

    [Fact]
    public async Task M4_card_secret_coupons_are_never_given_away()
    {
        using var marketer = system.Client(await system.TokenAsync("marketer-m4", "marketing"));
        var refused = await Answer.Of(await marketer.PostAsJsonAsync("/api/campaigns", new
        {
            name = "Secrets to give",
            coupon = new { kind = "giftcard", currency = "CNY", cardValue = 50 },
            totalStock = 5,
            perUserLimit = 1,
            startsAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            endsAt = DateTimeOffset.UtcNow.AddHours(1),
            validity = new { days = 7 },
            cardSecrets = true,
            use = new { transfer = "free" },
        }));
        Assert.Equal((HttpStatusCode.BadRequest, "validation_failed"), (refused.Status, refused.Code));
        Assert.True(refused.Body.GetProperty("errors").TryGetProperty("use.transfer", out _));

        // A card-secret campaign from before this rule, made transferable in the ledger: the transfer is still refused, and the database refuses it too.
        var (_, token) = await ShopperAsync();
        var campaign = await system.CreateCampaignAsync(5, coupon: new { kind = "giftcard", currency = "CNY", cardValue = 50 }, cardSecrets: true);
        await ExecuteAsync("UPDATE campaign_stock SET transfer_rule = 'free' WHERE campaign_id = $1", campaign);
        var coupon = (await system.ClaimCouponAsync(token, campaign)).Id;
        using var shopper = system.Client(token);
        Assert.Equal("not_transferable", (await shopper.TransferAsync(coupon, "friend-" + coupon)).Code);
        await AssertRefusedAsync("UPDATE coupons SET holder_id = 'friend', code = 'NEW-' || code WHERE coupon_id = $1", coupon);
    }

    [Fact]
    public async Task M5_only_the_party_that_redeemed_can_undo_and_what_was_never_an_order_is_a_404()
    {
        var (_, token) = await ShopperAsync();
        using var shopper = system.Client(token);
        var coupon = await CouponAsync(token, new { kind = "fixed", currency = "CNY", amountOff = 10 });
        var order = Order();
        Assert.Equal(HttpStatusCode.OK, (await shopper.RedeemAsync(coupon, order, 100)).Status);

        using var till = system.Client(await system.TokenAsync("till-m5", "merchant"));
        Assert.Equal("order_not_found", (await till.RefundAsync(order, asMerchant: true)).Code);
        foreach (var never in new[] { "never-" + order, $"points-card:{coupon}", "x" })
        {
            var answer = await shopper.RefundAsync(Uri.EscapeDataString(never));
            Assert.Equal((HttpStatusCode.NotFound, "order_not_found"), (answer.Status, answer.Code));
        }

        Assert.Equal(HttpStatusCode.OK, (await shopper.RefundAsync(order)).Status);
    }

    /// <summary>An order id is its maker's: a shopper's "order-1" and a till's "order-1" are two orders.</summary>
    [Fact]
    public async Task M5_an_order_id_names_one_order_per_scope_so_a_refunded_coupon_is_usable_at_a_till_under_the_same_id()
    {
        var (_, token) = await ShopperAsync();
        using var shopper = system.Client(token);
        var claimed = await system.ClaimCouponAsync(token, await system.CreateCampaignAsync(10, coupon: new { kind = "fixed", currency = "CNY", amountOff = 10 }));
        var order = Order();
        Assert.Equal(HttpStatusCode.OK, (await shopper.RedeemAsync(claimed.Id, order, 100)).Status);
        Assert.Equal(HttpStatusCode.OK, (await shopper.RefundAsync(order)).Status);

        using var till = system.Client(await system.TokenAsync("till-scopes", "merchant"));
        var atTill = await till.RedeemByCodeAsync(claimed.Code, order, 80);
        Assert.Equal(HttpStatusCode.OK, atTill.Status);
        Assert.Equal((10m, 1), await OrderInDatabaseAsync("merchant:", order));
    }

    [Theory]
    [InlineData("paused = true")]
    [InlineData("closed = true")]
    public async Task M6_a_campaign_closed_in_the_ledger_issues_nothing_even_from_an_activation_that_believes_it_open(string close)
    {
        var campaign = await system.CreateCampaignAsync(100, perUserLimit: 5);
        var (_, token) = await ShopperAsync();
        using var shopper = system.Client(token);
        Assert.Equal(HttpStatusCode.Created, (await shopper.ClaimAsync(campaign, "before")).Status);

        // What a pause or an end acknowledged by another activation leaves in the ledger; this activation never heard of it.
        await ExecuteAsync($"UPDATE campaign_stock SET {close} WHERE campaign_id = $1", campaign);
        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => shopper.ClaimAsync(campaign, $"after-{i}")));

        Assert.DoesNotContain(answers, a => a.Status == HttpStatusCode.Created);
        Assert.Equal(1, await ScalarAsync<int>("SELECT issued FROM campaign_stock WHERE campaign_id = $1", campaign));
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM coupons WHERE campaign_id = $1", campaign));
    }

    [Fact]
    public async Task M7_a_used_coupon_is_never_given_back_to_the_stock_and_a_recycled_one_never_used()
    {
        var (_, token) = await ShopperAsync();
        using var shopper = system.Client(token);
        var used = await CouponAsync(token, new { kind = "fixed", currency = "CNY", amountOff = 10 });
        var spent = await CouponAsync(token, new { kind = "giftcard", currency = "CNY", cardValue = 100 });
        var unused = await CouponAsync(token, new { kind = "fixed", currency = "CNY", amountOff = 10 });
        Assert.Equal(HttpStatusCode.OK, (await shopper.RedeemAsync(used, Order(), 100)).Status);
        Assert.Equal(HttpStatusCode.OK, (await shopper.RedeemAsync(spent, Order(), 20)).Status);

        // What a recycler that raced a redemption would write: only the unused coupon goes back.
        await using (var recycle = system.Database.CreateCommand(
            """
            INSERT INTO recycled_coupons (coupon_id, campaign_id, recycled_at)
            SELECT coupon_id, campaign_id, now() FROM coupons WHERE coupon_id = ANY($1)
            """))
        {
            recycle.Parameters.Add(new() { Value = new[] { used, spent, unused } });
            Assert.Equal(1, await recycle.ExecuteNonQueryAsync());
        }

        Assert.Equal(unused, await ScalarAsync<Guid>("SELECT coupon_id FROM recycled_coupons WHERE coupon_id = ANY($1)", new[] { used, spent, unused }));
        await AssertRefusedAsync(
            """
            INSERT INTO redemptions (redemption_id, coupon_id, order_id, holder_id, redeemed_by, single_use, amount, currency, discount, redeemed_at)
            SELECT gen_random_uuid(), coupon_id, 'late', shopper_id, shopper_id, true, 100, 'CNY', 10, now() FROM coupons WHERE coupon_id = $1
            """, unused);
    }

    private async Task AssertReplayHidesCodeAsync(HttpClient giver, Guid campaign, Guid coupon, string holdersCode)
    {
        var replay = await RetryUntilAnsweredAsync(giver, campaign, "gift-key");
        Assert.Equal(HttpStatusCode.Created, replay.Status);
        Assert.Equal(coupon, replay.CouponId);
        Assert.False(replay.Body.TryGetProperty("code", out var code) && code.ValueKind == System.Text.Json.JsonValueKind.String, "The replay carries a code.");
        Assert.True(replay.Body.GetProperty("givenAway").GetBoolean());
        Assert.DoesNotContain(holdersCode, replay.Body.GetRawText());
    }

    private static async Task<ClaimAnswer> RetryUntilAnsweredAsync(HttpClient client, Guid campaign, string key)
    {
        ClaimAnswer? answer = null;
        await Retry.UntilAnsweredAsync(async () =>
        {
            try
            {
                answer = await client.ClaimAsync(campaign, key);
                return answer.Status;
            }
            catch (HttpRequestException)
            {
                return null;
            }
        });
        return answer!;
    }

    private async Task<(decimal Discount, int Coupons)> OrderInDatabaseAsync(string scopePrefix, string orderId)
    {
        await using var command = system.Database.CreateCommand(
            "SELECT discount, coupons FROM orders WHERE order_id = $1 AND order_scope LIKE $2 || '%'");
        command.Parameters.Add(new() { Value = orderId });
        command.Parameters.Add(new() { Value = scopePrefix });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetDecimal(0), reader.GetInt32(1));
    }

    private Task<decimal> BalanceAsync(Guid card) => ScalarAsync<decimal>("SELECT balance FROM coupons WHERE coupon_id = $1", card);

    private async Task<T> ScalarAsync<T>(string sql, object parameter)
    {
        await using var command = system.Database.CreateCommand(sql);
        command.Parameters.Add(new() { Value = parameter });
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql, object parameter)
    {
        await using var command = system.Database.CreateCommand(sql);
        command.Parameters.Add(new() { Value = parameter });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The statement, in a transaction of its own, fails by the end of its commit.</summary>
    private async Task AssertRefusedAsync(string sql, object parameter, string because = "")
    {
        await using var connection = await system.Database.OpenConnectionAsync();
        var error = await Record.ExceptionAsync(async () =>
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.Add(new() { Value = parameter });
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        });
        Assert.True(error is PostgresException, $"Expected the database to refuse: {sql} {because}");
    }

    private async Task<(string Id, string Token)> ShopperAsync()
    {
        var id = "money-" + Guid.NewGuid().ToString("N")[..10];
        return (id, await system.TokenAsync(id, "shopper"));
    }

    private async Task<Guid> CouponAsync(string token, object coupon, object? use = null) =>
        (await system.ClaimCouponAsync(token, await system.CreateCampaignAsync(10, coupon: coupon, use: use))).Id;

    private async Task<string> ClaimCodeAsync(string token, object coupon, object? use = null) =>
        (await system.ClaimCouponAsync(token, await system.CreateCampaignAsync(10, coupon: coupon, use: use))).Code;

    private static async Task<Answer> CheckoutAsync(HttpClient client, string orderId, decimal amount, params Guid[] couponIds) =>
        await Answer.Of(await client.PostAsJsonAsync("/api/me/checkout", new { orderId, amount, currency = "CNY", couponIds }));

    private static string Order() => "order-" + Guid.NewGuid().ToString("N")[..12];
}
