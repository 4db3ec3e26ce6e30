using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.Tests.Api;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Risk;

/// <summary>
/// Operators' risk rules over real HTTP: checked on save, versioned, in force at once, judging claims by
/// signals the server works out (a farm shares a fingerprint however it rotates its device ids), with every
/// refusal on record before the claim hears it. Rules here are each for the test's own campaign, so that
/// the other tests' claims on the shared system are not judged by them.
/// </summary>
[Trait("Tier", "EndToEnd")]
[Collection(SharedSystem.Name)]
public sealed class RiskRuleTests(RunningSystem system)
{
    [Fact]
    public async Task A_rule_is_checked_on_save_and_every_revision_and_its_removal_stay_on_record()
    {
        using var admin = await system.AdminAsync();
        var campaign = await system.CreateCampaignAsync(10);

        using var bad = await admin.PostAsJsonAsync("/api/admin/risk/rules", new
        {
            name = "",
            when = new object[] { new { signal = "shopper.mood", op = "~", value = 1 } },
            action = "challenge",
        });
        var problem = await BadInputTests.AssertProblemAsync(bad, HttpStatusCode.BadRequest, "validation_failed");
        var fields = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["difficulty", "name", "when[0].op", "when[0].signal"], fields);
        Assert.Equal(0L, await system.Database.ScalarAsync<long>("SELECT count(*) FROM risk_rules WHERE definition->>'campaignId' = $1", campaign.ToString()));

        var saved = await admin.SaveRuleAsync(Rule("watch the farm", campaign, "flag", ("fingerprint.accounts", ">=", 5)));
        var id = saved.GetProperty("id").GetGuid();
        Assert.Equal(1, saved.GetProperty("revision").GetInt32());
        var revised = await admin.SaveRuleAsync(Rule("stop the farm", campaign, "deny", ("fingerprint.accounts", ">=", 3)), id);
        Assert.Equal(2, revised.GetProperty("revision").GetInt32());
        Assert.Equal("deny", revised.GetProperty("action").GetString());

        // An edit of revision 1, saved after revision 2, would undo it unseen: refused.
        using var stale = await admin.PutAsJsonAsync($"/api/admin/risk/rules/{id}", Rule("stale", campaign, "flag", ("fingerprint.accounts", ">=", 9)) with { Revision = 1 });
        await BadInputTests.AssertProblemAsync(stale, HttpStatusCode.Conflict, "rule_changed");
        // Decisions are audited by name: not a built-in check's, not another rule's in force.
        using var builtIn = await admin.PostAsJsonAsync("/api/admin/risk/rules", Rule("rate_limit", campaign, "flag", ("fingerprint.accounts", ">=", 9)));
        await BadInputTests.AssertProblemAsync(builtIn, HttpStatusCode.BadRequest, "validation_failed");
        using var twin = await admin.PostAsJsonAsync("/api/admin/risk/rules", Rule("Stop the farm", campaign, "flag", ("fingerprint.accounts", ">=", 9)));
        await BadInputTests.AssertProblemAsync(twin, HttpStatusCode.Conflict, "rule_name_taken");

        var listed = await admin.GetFromJsonAsync<JsonElement[]>("/api/admin/risk/rules");
        Assert.Equal("stop the farm", Assert.Single(listed!, r => r.GetProperty("id").GetGuid() == id).GetProperty("name").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/risk/rules/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/admin/risk/rules/{id}")).StatusCode);
        Assert.DoesNotContain(await admin.GetFromJsonAsync<JsonElement[]>("/api/admin/risk/rules") ?? [], r => r.GetProperty("id").GetGuid() == id);

        var revisions = await admin.GetFromJsonAsync<JsonElement[]>($"/api/admin/risk/rules/{id}/revisions") ?? [];
        Assert.Equal([(1, "watch the farm", false), (2, "stop the farm", false), (3, "stop the farm", true)],
            revisions.Select(r => (r.GetProperty("revision").GetInt32(), r.GetProperty("name").GetString(), r.GetProperty("removed").GetBoolean())));
        Assert.All(revisions, r => Assert.StartsWith("admin-", r.GetProperty("changedBy").GetString(), StringComparison.Ordinal));
        Assert.Equal(3L, await system.Database.ScalarAsync<long>("SELECT count(*) FROM risk_rules WHERE rule_id = $1", id));
    }

    [Fact]
    public async Task The_signals_are_listed_with_their_meanings_in_the_reader_s_language()
    {
        using var admin = await system.AdminAsync();
        async Task<Dictionary<string, string>> SignalsAsync(string language)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/risk/signals");
            request.Headers.AcceptLanguage.ParseAdd(language);
            using var response = await admin.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var signals = await response.Content.ReadFromJsonAsync<JsonElement[]>() ?? [];
            return signals.ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("meaning").GetString()!, StringComparer.Ordinal);
        }

        var english = await SignalsAsync("en-US");
        var chinese = await SignalsAsync("zh-CN,zh;q=0.9");
        Assert.Equal(15, english.Count);
        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), chinese.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("device ids sent from this fingerprint (a day): a rotating script's tell", english["fingerprint.devices"]);
        Assert.Equal("该请求指纹发来的设备号数（1 天内）：脚本轮换设备号的迹象", chinese["fingerprint.devices"]);
        // Every one in Chinese, none left in English.
        Assert.All(chinese, signal => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", signal.Value));
        Assert.All(chinese, signal => Assert.DoesNotMatch(@"[a-z]{3,} [a-z]{3,}", signal.Value));
    }

    [Fact]
    public async Task A_removed_rule_is_restored_as_it_last_stood_or_as_any_revision_and_is_in_force_again_at_once()
    {
        using var admin = await system.AdminAsync();
        var campaign = await system.CreateCampaignAsync(10, perUserLimit: 5);
        var run = Guid.NewGuid().ToString("N")[..8];
        using var shopper = system.Client(await system.TokenAsync($"restored-{run}", "shopper"));
        var saved = await admin.SaveRuleAsync(Rule("watch everyone", campaign, "flag", ("fingerprint.accounts", ">=", 1)));
        var id = saved.GetProperty("id").GetGuid();
        await admin.SaveRuleAsync(Rule("stop everyone", campaign, "deny", ("fingerprint.accounts", ">=", 1)), id);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/risk/rules/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await shopper.ClaimAsync(campaign, "before", "phone")).Status);

        // Listed as removed, as it last stood; restored without a body, it is that again, as revision 4, in force at once.
        var removed = Assert.Single(await admin.GetFromJsonAsync<JsonElement[]>("/api/admin/risk/rules/removed") ?? [], r => r.GetProperty("id").GetGuid() == id);
        Assert.Equal(("stop everyone", 3, true), (removed.GetProperty("name").GetString(), removed.GetProperty("revision").GetInt32(), removed.GetProperty("removed").GetBoolean()));
        var restored = await RestoreAsync(admin, id, body: null);
        Assert.Equal(HttpStatusCode.OK, restored.Status);
        Assert.Equal(("stop everyone", "deny", 4, false), (restored.Body.GetProperty("name").GetString(), restored.Body.GetProperty("action").GetString(),
            restored.Body.GetProperty("revision").GetInt32(), restored.Body.GetProperty("removed").GetBoolean()));
        Assert.StartsWith("admin-", restored.Body.GetProperty("changedBy").GetString(), StringComparison.Ordinal);
        Assert.Equal("risk_denied", (await shopper.ClaimAsync(campaign, "after", "phone")).Code);
        Assert.DoesNotContain(await admin.GetFromJsonAsync<JsonElement[]>("/api/admin/risk/rules/removed") ?? [], r => r.GetProperty("id").GetGuid() == id);
        Assert.Contains(await admin.GetFromJsonAsync<JsonElement[]>("/api/admin/risk/rules") ?? [], r => r.GetProperty("id").GetGuid() == id);

        // In force, it is restored only to a revision named: an edit undone (revision 1, the flag), again at once.
        Assert.Equal((HttpStatusCode.Conflict, "rule_in_force"), Code(await RestoreAsync(admin, id, body: null)));
        Assert.Equal((HttpStatusCode.Conflict, "rule_in_force"), Code(await RestoreAsync(admin, id, new { })));
        // An empty body, even typed as JSON, is no body.
        using (var empty = new StringContent("", System.Text.Encoding.UTF8, "application/json"))
        {
            using var response = await admin.PostAsync($"/api/admin/risk/rules/{id}/restore", empty);
            Assert.Equal((HttpStatusCode.Conflict, "rule_in_force"), Code(new Restored(response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>())));
        }

        var undone = await RestoreAsync(admin, id, new { revision = 1 });
        Assert.Equal((HttpStatusCode.OK, "watch everyone", 5), (undone.Status, undone.Body.GetProperty("name").GetString(), undone.Body.GetProperty("revision").GetInt32()));
        Assert.Equal(HttpStatusCode.Created, (await shopper.ClaimAsync(campaign, "flagged", "phone")).Status);

        // Refused, changing nothing: a removal or a revision that is not there, bad bodies, an unknown rule.
        foreach (var revision in new[] { 3, 0, 6, -1 })
        {
            var refused = await RestoreAsync(admin, id, new { revision });
            Assert.Equal((HttpStatusCode.BadRequest, "validation_failed"), Code(refused));
            Assert.True(refused.Body.GetProperty("errors").TryGetProperty("revision", out _), refused.Body.ToString());
        }

        Assert.Equal((HttpStatusCode.BadRequest, "malformed_json"), Code(await RestoreAsync(admin, id, new { revision = "one" })));
        Assert.Equal((HttpStatusCode.NotFound, "rule_not_found"), Code(await RestoreAsync(admin, Guid.NewGuid(), body: null)));
        using var notAnId = await admin.PostAsync("/api/admin/risk/rules/not-an-id/restore", null);
        await BadInputTests.AssertProblemAsync(notAnId, HttpStatusCode.NotFound, "rule_not_found");
        Assert.Equal(5L, await system.Database.ScalarAsync<long>("SELECT count(*) FROM risk_rules WHERE rule_id = $1", id));

        // Removed again while another rule in force took its name for the campaign: restoring it would make two of one name.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/risk/rules/{id}")).StatusCode);
        await admin.SaveRuleAsync(Rule("Watch everyone", campaign, "flag", ("fingerprint.accounts", ">=", 2)));
        Assert.Equal((HttpStatusCode.Conflict, "rule_name_taken"), Code(await RestoreAsync(admin, id, body: null)));

        var revisions = await admin.GetFromJsonAsync<JsonElement[]>($"/api/admin/risk/rules/{id}/revisions") ?? [];
        Assert.Equal([(1, "watch everyone", false), (2, "stop everyone", false), (3, "stop everyone", true), (4, "stop everyone", false),
            (5, "watch everyone", false), (6, "watch everyone", true)],
            revisions.Select(r => (r.GetProperty("revision").GetInt32(), r.GetProperty("name").GetString(), r.GetProperty("removed").GetBoolean())));
    }

    [Fact]
    public async Task A_rule_saved_during_a_sale_denies_a_farm_rotating_device_ids_and_lets_ordinary_shoppers_through()
    {
        using var admin = await system.AdminAsync();
        var campaign = await system.CreateCampaignAsync(100);
        var run = Guid.NewGuid().ToString("N")[..8];
        var farm = await ShoppersAsync($"farm-{run}", 8, i => ("127.0.31.7", "FarmBot/1.0"));
        var people = await ShoppersAsync($"person-{run}", 4, i => ($"127.0.{40 + i}.9", $"Mozilla/5.0 (Phone {i}) Mobile Safari/605.1"));
        try
        {
            // Before the rule: the farm's first accounts claim, each with a fresh device id.
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(HttpStatusCode.Created, (await farm[i].ClaimAsync(campaign, "k", $"rotated-{run}-{i}")).Status);
            }

            // The dry run says what the rule would do to what was just seen, before it acts.
            var tried = await admin.PostAsJsonAsync("/api/admin/risk/rules/dry-run", Rule("farm", campaign, "deny", ("fingerprint.accounts", ">=", 2)));
            var dryRun = await tried.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(HttpStatusCode.OK == tried.StatusCode, dryRun.ToString());
            Assert.Equal(2, dryRun.GetProperty("matched").GetInt32());
            Assert.Equal(2, dryRun.GetProperty("shoppers").GetInt32());

            await admin.SaveRuleAsync(Rule("farm", campaign, "deny", ("fingerprint.accounts", ">=", 4)));
            for (var i = 3; i < farm.Count; i++)
            {
                var refused = await farm[i].ClaimAsync(campaign, "k", $"rotated-{run}-{i}");
                Assert.Equal((HttpStatusCode.Forbidden, "risk_denied"), (refused.Status, refused.Code));
                // On record before the answer: read at once, no waiting.
                Assert.Equal(1L, await system.Database.ScalarAsync<long>(
                    "SELECT count(*) FROM risk_decisions WHERE campaign_id = $1 AND shopper_id = $2 AND verdict = 'refused' AND rule = 'farm'",
                    campaign, $"farm-{run}-{i}"));
            }

            foreach (var person in people)
            {
                Assert.Equal(HttpStatusCode.Created, (await person.ClaimAsync(campaign, "k", $"phone-{Guid.NewGuid():N}")).Status);
            }

            Assert.Equal(3L + people.Count, await system.Database.ScalarAsync<long>("SELECT count(*) FROM coupons WHERE campaign_id = $1", campaign));
            var decision = Assert.Single(await admin.DecisionsAsync($"shopperId=farm-{run}-3&rule=farm"));
            Assert.Equal(4, decision.GetProperty("evidence").GetProperty("signals").GetProperty("fingerprint.accounts").GetInt32());
            Assert.Equal("127.0.31.0/24", decision.GetProperty("evidence").GetProperty("prefix").GetString());
            var fingerprint = decision.GetProperty("fingerprint").GetString();
            Assert.Equal(5, (await admin.DecisionsAsync($"fingerprint={fingerprint}&rule=farm")).Length);

            // The farm's cluster, as an operator looks one account up: its fingerprint and range shared by all 8 (each
            // written by its own activity shard, within a second or so).
            static (string?, string?, long)[] Cluster(JsonElement[]? links) =>
                [.. (links ?? []).Select(l => (l.GetProperty("kind").GetString(), l.GetProperty("value").GetString(), l.GetProperty("accounts").GetInt64()))
                    .OrderBy(l => l.Item1, StringComparer.Ordinal)];
            (string?, string?, long)[] farmCluster = [("fingerprint", fingerprint, 8L), ("prefix", "127.0.31.0/24", 8L)];
            var links = await Eventually.ReturnsAsync(() => admin.GetFromJsonAsync<JsonElement[]>($"/api/admin/risk/shoppers/farm-{run}-0/links"),
                found => Cluster(found).SequenceEqual(farmCluster));
            Assert.Equal(farmCluster, Cluster(links));
        }
        finally
        {
            farm.Concat(people).ToList().ForEach(client => client.Dispose());
        }
    }

    [Fact]
    public async Task Scores_past_the_threshold_block_the_fingerprint_on_every_route_and_tell_the_operators()
    {
        using var admin = await system.AdminAsync();
        var campaign = await system.CreateCampaignAsync(100);
        var run = Guid.NewGuid().ToString("N")[..8];
        var agent = $"Rotator/{run}";
        var farm = await ShoppersAsync($"rotator-{run}", 8, i => ("127.0.33.3", agent));
        try
        {
            // A flag scores without refusing: two claims past three device ids make 100, the threshold. The
            // claims from the third device id on arrive together, so several pass the threshold at once.
            await admin.SaveRuleAsync(Rule("rotating devices", campaign, "flag", ("fingerprint.devices", ">=", 3)) with { Score = 50 });
            for (var i = 0; i < 2; i++)
            {
                Assert.Equal(HttpStatusCode.Created, (await farm[i].ClaimAsync(campaign, "k", $"rot-{run}-{i}")).Status);
            }

            var together = await Task.WhenAll(Enumerable.Range(2, 6).Select(i => farm[i].ClaimAsync(campaign, "k", $"rot-{run}-{i}")));
            Assert.All(together, answer => Assert.Contains(answer.Status, new[] { HttpStatusCode.Created, HttpStatusCode.Forbidden }));

            var block = await Eventually.ReturnsAsync(
                async () => (await admin.GetFromJsonAsync<JsonElement[]>("/api/admin/blocks"))!.FirstOrDefault(b => b.GetProperty("createdBy").GetString() == "risk-escalation"
                    && b.GetProperty("reason").GetString()!.Contains("rotating devices", StringComparison.Ordinal)
                    && b.GetProperty("kind").GetString() == "fingerprint"),
                b => b.ValueKind == JsonValueKind.Object);
            Assert.True(block.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);

            // Blocked everywhere value moves, whichever account and device id: a claim, and a wallet route.
            var claim = await Eventually.ReturnsAsync(() => farm[0].ClaimAsync(campaign, "again", $"rot-{run}-new"), a => a.Status == HttpStatusCode.Forbidden);
            Assert.Equal("risk_blocked", claim.Code);
            using var give = await farm[1].PostAsJsonAsync($"/api/me/coupons/{Guid.NewGuid()}/transfer", new { to = "someone" });
            Assert.Equal(HttpStatusCode.Forbidden, give.StatusCode);

            // Its account cluster too (Risk:Escalation:BlockLinkedAccounts is on in these tests): each of the eight
            // accounts, from another address with a browser's headers, is refused as well; a stranger there is not.
            var fingerprint = block.GetProperty("value").GetString()!;
            var linked = (await admin.GetFromJsonAsync<JsonElement[]>("/api/admin/blocks"))!
                .Where(b => b.GetProperty("kind").GetString() == "shopper" && b.GetProperty("reason").GetString()!.Contains(fingerprint, StringComparison.Ordinal))
                .Select(b => b.GetProperty("value").GetString()).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(string.Join(' ', Enumerable.Range(0, 8).Select(i => $"rotator-{run}-{i}")), string.Join(' ', linked));
            var elsewhere = await ShoppersAsync($"rotator-{run}", 1, i => ("127.0.34.4", "Mozilla/5.0 (iPhone) Mobile Safari/605.1"));
            var stranger = await ShoppersAsync($"stranger-{run}", 1, i => ("127.0.34.4", "Mozilla/5.0 (iPhone) Mobile Safari/605.1"));
            farm.AddRange(elsewhere.Concat(stranger));
            Assert.Equal("risk_blocked", (await elsewhere[0].ClaimAsync(campaign, "elsewhere", $"home-{run}")).Code);
            Assert.Equal(HttpStatusCode.Created, (await stranger[0].ClaimAsync(campaign, "elsewhere", $"stranger-{run}")).Status);
            // The flags themselves are recorded on the way (within a second or so).
            Assert.True(await Eventually.ReturnsAsync(() => system.Database.ScalarAsync<long>(
                "SELECT coalesce(sum(occurrences), 0) FROM risk_decisions WHERE campaign_id = $1 AND rule = 'rotating devices' AND verdict = 'flagged'",
                campaign), n => n >= 2) >= 2);
            // However many claims passed the threshold together, the fingerprint was blocked once.
            Assert.Equal(1L, await system.Database.ScalarAsync<long>(
                "SELECT count(*) FROM risk_blocks WHERE kind = 'fingerprint' AND value = $1 AND created_by = 'risk-escalation'",
                block.GetProperty("value").GetString()!));
        }
        finally
        {
            farm.ForEach(client => client.Dispose());
        }
    }

    [Fact]
    public async Task A_device_that_listed_the_drops_has_read_the_campaign_and_a_blind_one_has_not()
    {
        using var admin = await system.AdminAsync();
        var campaign = await system.CreateCampaignAsync(10);
        var run = Guid.NewGuid().ToString("N")[..8];
        await admin.SaveRuleAsync(Rule("blind claim", campaign, "deny", ("request.fetched_campaign", "==", 0)));
        using var person = system.Client(await system.TokenAsync($"reader-{run}", "shopper"));
        using var script = system.Client(await system.TokenAsync($"blind-{run}", "shopper"));

        // As the shop page lists its drops: with its device id, page after page until this campaign was listed
        // (the shared system holds the other tests' campaigns too).
        var listed = false;
        for (var page = "/api/campaigns?limit=100"; !listed;)
        {
            using var list = new HttpRequestMessage(HttpMethod.Get, page);
            list.Headers.Add("X-Device-Id", $"phone-{run}");
            using var answer = await person.SendAsync(list);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            var body = await answer.Content.ReadFromJsonAsync<JsonElement>();
            listed = body.GetProperty("campaigns").EnumerateArray().Any(c => c.GetProperty("id").GetGuid() == campaign);
            var next = body.TryGetProperty("next", out var cursor) ? cursor.GetString() : null;
            Assert.True(listed || next is not null, "the list never showed the campaign");
            page = $"/api/campaigns?limit=100&after={Uri.EscapeDataString(next ?? "")}";
        }

        Assert.Equal(HttpStatusCode.Created, (await person.ClaimAsync(campaign, "k", $"phone-{run}")).Status);
        Assert.Equal("risk_denied", (await script.ClaimAsync(campaign, "k", $"script-{run}")).Code);
    }

    [Fact]
    public async Task A_sale_s_very_first_claim_is_judged_by_its_time_since_the_opening()
    {
        using var admin = await system.AdminAsync();
        // Opened a minute ago: no API node holds anything of this campaign yet when its first claim arrives.
        var campaign = await system.CreateCampaignAsync(10);
        await admin.SaveRuleAsync(Rule("first minutes", campaign, "deny", ("sale.ms_since_opening", "<", 600_000)));
        using var shopper = system.Client(await system.TokenAsync($"early-{Guid.NewGuid():N}", "shopper"));

        Assert.Equal("risk_denied", (await shopper.ClaimAsync(campaign, "k", "phone")).Code);
        var decision = Assert.Single(await admin.DecisionsAsync($"campaignId={campaign}&rule=first minutes"));
        var since = decision.GetProperty("evidence").GetProperty("signals").GetProperty("sale.ms_since_opening").GetDouble();
        Assert.InRange(since, 55_000, 600_000);
    }

    /// <summary>A global rule (it judges every campaign) scoped by its condition to this test's shopper, and removed at the end.</summary>
    [Fact]
    public async Task A_global_deny_rule_holds_on_the_routes_that_move_value_too()
    {
        using var admin = await system.AdminAsync();
        var run = Guid.NewGuid().ToString("N")[..8];
        using var shopper = system.Client(await system.TokenAsync($"hopper-{run}", "shopper"));
        var coupons = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var answer = await shopper.ClaimAsync(await system.CreateCampaignAsync(5), $"k{i}", $"hop-{run}-{i}");
            Assert.Equal(HttpStatusCode.Created, answer.Status);
            coupons.Add(answer.CouponId);
        }

        var rule = await admin.SaveRuleAsync(new
        {
            name = $"device hopper {run}",
            when = new[] { new { signal = "shopper.devices", op = ">=", value = 6 } },
            action = "deny",
        });
        try
        {
            var redeemed = await shopper.RedeemAsync(coupons[0], $"order-{run}", 100);
            Assert.Equal((HttpStatusCode.Forbidden, "risk_denied"), (redeemed.Status, redeemed.Code));
            var decision = Assert.Single(await admin.DecisionsAsync($"shopperId=hopper-{run}&rule=device hopper {run}"));
            Assert.Equal("/api/me/coupons/{id}/redeem", decision.GetProperty("evidence").GetProperty("route").GetString());
            Assert.Equal(0L, await system.Database.ScalarAsync<long>("SELECT count(*) FROM redemptions WHERE order_id = $1", $"order-{run}"));
        }
        finally
        {
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/risk/rules/{rule.GetProperty("id").GetGuid()}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await shopper.RedeemAsync(coupons[0], $"order-{run}", 100)).Status);
    }

    [Fact]
    public async Task A_challenged_claim_goes_through_once_its_proof_of_work_is_solved_for_that_very_claim()
    {
        using var admin = await system.AdminAsync();
        var campaign = await system.CreateCampaignAsync(100);
        var run = Guid.NewGuid().ToString("N")[..8];
        using var shopper = system.Client(await system.TokenAsync($"solver-{run}", "shopper"));
        await admin.SaveRuleAsync(Rule("everyone proves", campaign, "challenge", ("shopper.claims_per_minute", ">=", 1)) with { Difficulty = 1 });

        var asked = await shopper.ClaimAsync(campaign, "first", "phone-1");
        Assert.Equal((HttpStatusCode.PreconditionRequired, "challenge_required"), (asked.Status, asked.Code));
        Assert.Equal(1, asked.Body.GetProperty("difficulty").GetInt32());
        // On record before the answer.
        Assert.Equal(1L, await system.Database.ScalarAsync<long>(
            "SELECT count(*) FROM risk_decisions WHERE campaign_id = $1 AND verdict = 'challenged' AND rule = 'everyone proves'", campaign));
        var solution = AltchaSolver.Solve(asked.Body.GetProperty("challenge"));

        // The solution is this claim's: under another key it is refused, and a new challenge comes with the refusal.
        var other = await SendAsync(shopper, WithSolution(campaign, "second", solution));
        Assert.Equal(HttpStatusCode.PreconditionRequired, other.Status);
        Assert.Equal("wrongsubject", other.Body.GetProperty("refusedSolution").GetString());

        var solved = await SendAsync(shopper, WithSolution(campaign, "first", solution));
        Assert.Equal(HttpStatusCode.Created, solved.Status);
        Assert.Equal(1L, await system.Database.ScalarAsync<long>("SELECT count(*) FROM coupons WHERE campaign_id = $1", campaign));
    }

    private static async Task<Restored> RestoreAsync(HttpClient admin, Guid id, object? body)
    {
        using var response = body is null
            ? await admin.PostAsync($"/api/admin/risk/rules/{id}/restore", null)
            : await admin.PostAsJsonAsync($"/api/admin/risk/rules/{id}/restore", body);
        return new Restored(response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static (HttpStatusCode, string?) Code(Restored answer) =>
        (answer.Status, answer.Body.TryGetProperty("code", out var code) ? code.GetString() : answer.Body.ToString());

    private sealed record Restored(HttpStatusCode Status, JsonElement Body);

    private static async Task<ClaimAnswer> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await client.SendAsync(request);
            return new ClaimAnswer(response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
        }
    }

    private static HttpRequestMessage WithSolution(Guid campaign, string key, string solution)
    {
        var request = Infrastructure.Api.ClaimRequest(campaign, key, "phone-1");
        request.Headers.Add("X-Altcha", solution);
        return request;
    }

    private async Task<List<HttpClient>> ShoppersAsync(string prefix, int count, Func<int, (string Source, string Agent)> of)
    {
        var clients = new List<HttpClient>();
        for (var i = 0; i < count; i++)
        {
            var (source, agent) = of(i);
            var client = system.Client(await system.TokenAsync($"{prefix}-{i}", "shopper"), source: source);
            client.DefaultRequestHeaders.UserAgent.ParseAdd(agent);
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
            clients.Add(client);
        }

        return clients;
    }

    private static RuleBody Rule(string name, Guid campaign, string action, params (string Signal, string Op, double Value)[] when) =>
        new(name, campaign, [.. when.Select(c => new ConditionBody(c.Signal, c.Op, c.Value))], action, null, 0);

    private sealed record ConditionBody(string Signal, string Op, double Value);

    private sealed record RuleBody(string Name, Guid CampaignId, ConditionBody[] When, string Action, int? Difficulty, int Score, int? Revision = null);
}
