using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace FlashSale.Tests.Campaigns;

/// <summary>Campaigns of batches (tiers shoppers pick) and of A/B variants (shoppers split by hash), raced over HTTP and checked in PostgreSQL.</summary>
[Trait("Tier", "EndToEnd")]
[Collection(SharedSystem.Name)]
public sealed class CampaignUnitTests(RunningSystem system)
{
    [Fact]
    public async Task Batches_sell_their_own_stock_under_their_own_limits_in_one_race_and_report_apart()
    {
        using var marketing = await system.MarketerAsync("tiers");
        var startsAt = DateTimeOffset.UtcNow.AddDays(-20).AddSeconds(-Random.Shared.Next(0, 1_000_000));
        var group = await CreateAsync(marketing, new
        {
            name = "11.11 drops",
            startsAt,
            endsAt = DateTimeOffset.UtcNow.AddHours(1),
            validity = new { days = 7 },
            batches = new object[]
            {
                new { key = "b50", name = "¥50 off", coupon = new { kind = "fixed", currency = "CNY", amountOff = 50 }, totalStock = 10, perUserLimit = 1 },
                new { key = "b10", name = "¥10 off", coupon = new { kind = "fixed", currency = "CNY", amountOff = 10 }, totalStock = 30, perUserLimit = 2 },
            },
        });
        var campaign = group.GetProperty("id").GetGuid();
        var units = group.GetProperty("batches").EnumerateArray().ToDictionary(b => b.GetProperty("key").GetString()!, b => b.GetProperty("campaignId").GetGuid(), StringComparer.Ordinal);

        // A dashboard watching the group sees its batches added up.
        await using var dashboard = new HubConnectionBuilder().WithUrl(new Uri(system.BaseAddress, "/hubs/live")).Build();
        var drained = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var soldOut = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        dashboard.On<JsonElement>("inventory", s =>
        {
            if (s.GetProperty("campaignId").GetGuid() == campaign && s.GetProperty("issued").GetInt32() == 40)
            {
                drained.TrySetResult(s);
            }
        });
        dashboard.On<JsonElement>("stateChanged", c =>
        {
            if (c.GetProperty("campaignId").GetGuid() == campaign && c.GetProperty("state").GetString() == "sold_out")
            {
                soldOut.TrySetResult();
            }
        });
        await dashboard.StartAsync();
        var first = await dashboard.InvokeAsync<JsonElement>("Subscribe", campaign);
        Assert.Equal((40, 0), (first.GetProperty("remaining").GetInt32(), first.GetProperty("issued").GetInt32()));

        // 60 shoppers each press for ¥50 off once and for ¥10 off twice, all at once.
        var answers = new ConcurrentBag<(string Batch, HttpStatusCode Status, string? Code)>();
        using var client = system.Client(maxConnections: 32);
        await Task.WhenAll(Enumerable.Range(0, 60).SelectMany(i => new[] { ("b50", "a"), ("b10", "a"), ("b10", "b") }.Select(async press =>
        {
            var token = await system.TokenAsync($"tier-{campaign:N}-{i}", "shopper");
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/campaigns/{campaign}/claims?batch={press.Item1}");
            request.Headers.Add("Idempotency-Key", press.Item1 + press.Item2);
            request.Headers.Add("X-Device-Id", $"device-{i}");
            request.Headers.Authorization = new("Bearer", token);
            using var response = await client.SendAsync(request);
            answers.Add((press.Item1, response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonElement>()).Code()));
        })));
        Assert.Equal(10, answers.Count(a => a.Batch == "b50" && a.Status == HttpStatusCode.Created));
        Assert.Equal(30, answers.Count(a => a.Batch == "b10" && a.Status == HttpStatusCode.Created));
        var b50 = await LedgerAudit.ReadAsync(system.Database, units["b50"]);
        var b10 = await LedgerAudit.ReadAsync(system.Database, units["b10"]);
        Assert.Equal((10, 10, 1, 0), (b50.IssuedCounter, b50.CouponRows, b50.MaxPerShopper, b50.DuplicateKeys));
        Assert.Equal((30, 30, 0), (b10.IssuedCounter, b10.CouponRows, b10.DuplicateKeys));
        Assert.InRange(b10.MaxPerShopper, 1, 2);
        Assert.Equal(0L, await CouponsOfAsync(campaign));
        var last = await drained.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal((0, "sold_out"), (last.GetProperty("remaining").GetInt32(), last.GetProperty("state").GetString()));
        await soldOut.Task.WaitAsync(TimeSpan.FromSeconds(15));

        // The group adds its batches up, everywhere it is shown.
        var view = await marketing.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}");
        Assert.Equal((40, 0, "sold_out"), (view.GetProperty("issued").GetInt32(), view.GetProperty("remaining").GetInt32(), view.GetProperty("state").GetString()));
        var listed = (await marketing.GetFromJsonAsync<JsonElement>(
            $"/api/campaigns?state=sold_out&from={Uri.EscapeDataString(startsAt.AddSeconds(-1).ToString("O"))}&to={Uri.EscapeDataString(startsAt.AddSeconds(1).ToString("O"))}"))
            .GetProperty("campaigns").EnumerateArray().ToList();
        Assert.Equal([campaign], listed.Select(c => c.GetProperty("id").GetGuid()));
        Assert.Equal(40, listed[0].GetProperty("issued").GetInt32());
        var stats = await marketing.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/stats");
        Assert.Equal((40, "sold_out"), (stats.GetProperty("issued").GetInt32(), stats.GetProperty("state").GetString()));
        Assert.Equal([("b50", 10), ("b10", 30)], stats.GetProperty("units").EnumerateArray()
            .Select(u => (u.GetProperty("key").GetString(), u.GetProperty("stats").GetProperty("issued").GetInt32())));
        var csv = (await marketing.GetStringAsync($"/api/campaigns/{campaign}/coupons.csv")).TrimEnd('\n').Split('\n');
        Assert.Equal(41, csv.Length);
        Assert.StartsWith("unit,seq,", csv[0]);
        Assert.Equal(10, csv.Count(l => l.StartsWith("b50,", StringComparison.Ordinal)));

        // Asking without a batch, or for one it does not have, is refused; a group is paused whole and topped up per batch.
        var shopper = system.Client(await system.TokenAsync($"late-{campaign:N}", "shopper"));
        Assert.Equal("batch_required", (await shopper.ClaimAsync(campaign, "x")).Code);
        Assert.Equal("batch_not_found", (await ClaimBatchAsync(shopper, campaign, "b99", "y")).Code);
        Assert.Equal("validation_failed", (await marketing.ControlAsync(campaign, "stock", new { add = 5 })).Body.Code());
        Assert.Equal(HttpStatusCode.OK, (await marketing.ControlAsync(campaign, "stock", new { add = 5, batch = "b10" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await marketing.ControlAsync(campaign, "pause")).Status);
        Assert.Equal("paused", (await ClaimBatchAsync(shopper, campaign, "b10", "z")).Code);
        Assert.Equal(HttpStatusCode.OK, (await marketing.ControlAsync(campaign, "resume")).Status);
        Assert.Equal(HttpStatusCode.Created, (await ClaimBatchAsync(shopper, campaign, "b10", "z2")).Status);
        Assert.Equal(31, (await LedgerAudit.ReadAsync(system.Database, units["b10"])).IssuedCounter);

        // Ended, the group closes and counts each shopper once across its batches.
        Assert.Equal(HttpStatusCode.OK, (await marketing.ControlAsync(campaign, "end")).Status);
        var closed = await Eventually.ReturnsAsync(() => marketing.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/stats"),
            s => s.TryGetProperty("closedAt", out _), within: TimeSpan.FromSeconds(30));
        await using var distinct = system.Database.CreateCommand("SELECT count(DISTINCT shopper_id)::integer FROM coupons WHERE campaign_id = ANY($1)");
        distinct.Parameters.Add(new() { Value = units.Values.ToArray() });
        Assert.Equal((int)(await distinct.ExecuteScalarAsync())!, closed.GetProperty("claimants").GetInt32());
        Assert.Equal(("ended", 41), (closed.GetProperty("state").GetString(), closed.GetProperty("issued").GetInt32()));
    }

    [Fact]
    public async Task Variants_split_shoppers_for_good_each_with_its_own_stock_and_results()
    {
        using var marketing = await system.MarketerAsync("ab-test");
        var group = await CreateAsync(marketing, new
        {
            name = "¥20 off ¥100 or 20% off",
            perUserLimit = 1,
            startsAt = DateTimeOffset.UtcNow.AddSeconds(-1),
            endsAt = DateTimeOffset.UtcNow.AddHours(1),
            validity = new { days = 7 },
            variants = new object[]
            {
                new { key = "a", name = "¥20 off ¥100", coupon = new { kind = "threshold", currency = "CNY", amountOff = 20, minSpend = 100 }, totalStock = 100 },
                new { key = "b", name = "20% off", coupon = new { kind = "percent", currency = "CNY", percentOff = 20, maxDiscount = 30 }, totalStock = 100 },
            },
        });
        var campaign = group.GetProperty("id").GetGuid();
        var variants = group.GetProperty("variants").EnumerateArray().ToDictionary(v => v.GetProperty("campaignId").GetGuid(), v => v.GetProperty("key").GetString()!);

        // Each shopper claims, then claims again with a new key: the second lands in the same variant, so the limit refuses it.
        var got = new ConcurrentDictionary<string, Guid>(StringComparer.Ordinal);
        using var client = system.Client(maxConnections: 32);
        await Task.WhenAll(Enumerable.Range(0, 60).Select(async i =>
        {
            var shopper = $"ab-{campaign:N}-{i}";
            using var own = system.Client(await system.TokenAsync(shopper, "shopper"));
            var first = await own.ClaimAsync(campaign, "first");
            Assert.Equal(HttpStatusCode.Created, first.Status);
            got[shopper] = first.Body.GetProperty("campaignId").GetGuid();
            Assert.Equal("limit_reached", (await own.ClaimAsync(campaign, "second")).Code);
        }));
        Assert.All(got.Values, unit => Assert.Contains(unit, variants.Keys));
        Assert.Equal(2, got.Values.Distinct().Count());
        foreach (var (shopper, unit) in got)
        {
            Assert.Equal(1L, await CouponsOfAsync(unit, shopper));
        }

        var stats = await marketing.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/stats");
        Assert.Equal(60, stats.GetProperty("issued").GetInt32());
        var perVariant = stats.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("key").GetString()!,
            u => u.GetProperty("stats").GetProperty("issued").GetInt32(), StringComparer.Ordinal);
        Assert.Equal(got.Values.GroupBy(v => variants[v], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal), perVariant);

        using var shopperClient = system.Client(await system.TokenAsync($"chooser-{campaign:N}", "shopper"));
        Assert.Equal("variant_assigned", (await ClaimBatchAsync(shopperClient, campaign, "a", "k")).Code);

        // Asking for the other variant by its own id still lands in the shopper's: the limit refuses it, nothing is issued there.
        var (someone, own) = got.First();
        var other = variants.Keys.Single(v => v != own);
        using (var direct = system.Client(await system.TokenAsync(someone, "shopper")))
        {
            Assert.Equal("limit_reached", (await direct.ClaimAsync(other, "third")).Code);
        }

        Assert.Equal(0L, await CouponsOfAsync(other, someone));
    }

    [Fact]
    public async Task Editing_a_group_before_its_opening_edits_every_batch_and_refuses_their_own_fields()
    {
        using var marketing = await system.MarketerAsync("group-editor");
        var group = await CreateAsync(marketing, new
        {
            name = "Night drops",
            startsAt = DateTimeOffset.UtcNow.AddHours(1),
            endsAt = DateTimeOffset.UtcNow.AddHours(2),
            validity = new { days = 7 },
            draft = true,
            batches = new object[]
            {
                new { key = "big", name = "¥50 off", coupon = new { kind = "fixed", currency = "CNY", amountOff = 50 }, totalStock = 5 },
                new { key = "small", name = "¥5 off", coupon = new { kind = "fixed", currency = "CNY", amountOff = 5 }, totalStock = 50 },
            },
        });
        var campaign = group.GetProperty("id").GetGuid();
        var startsAt = DateTimeOffset.UtcNow.AddHours(3);
        using (var edited = await marketing.PatchAsJsonAsync($"/api/campaigns/{campaign}",
            new { name = "Midnight drops", startsAt, endsAt = startsAt.AddHours(1) }))
        {
            Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        }

        foreach (var batch in group.GetProperty("batches").EnumerateArray())
        {
            var unit = await marketing.GetFromJsonAsync<JsonElement>($"/api/campaigns/{batch.GetProperty("campaignId").GetGuid()}");
            Assert.Equal($"Midnight drops · {batch.GetProperty("name").GetString()}", unit.GetProperty("name").GetString());
            Assert.Equal(startsAt.ToUnixTimeMilliseconds(), unit.GetProperty("startsAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
            Assert.Equal(batch.GetProperty("totalStock").GetInt32(), unit.GetProperty("totalStock").GetInt32());
        }

        foreach (var field in new object[] { new { totalStock = 5 }, new { perUserLimit = 3 }, new { coupon = new { kind = "fixed", currency = "CNY", amountOff = 1 } } })
        {
            using var refused = await marketing.PatchAsJsonAsync($"/api/campaigns/{campaign}", field);
            Assert.Equal("validation_failed", (await refused.Content.ReadFromJsonAsync<JsonElement>()).Code());
        }

        var changes = await marketing.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/changes");
        Assert.Equal(["created", "edited"], changes.EnumerateArray().Select(c => c.GetProperty("action").GetString()), StringComparer.Ordinal);
        var view = await marketing.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}");
        Assert.Equal(("Midnight drops", 55), (view.GetProperty("name").GetString(), view.GetProperty("totalStock").GetInt32()));
    }

    [Fact]
    public async Task Groups_refuse_bad_units_by_path_and_create_nothing()
    {
        using var marketing = await system.MarketerAsync("bad-groups");
        var coupon = new { kind = "fixed", currency = "CNY", amountOff = 5 };
        var cases = new (object Body, string Field)[]
        {
            (new { batches = new[] { new { key = "only", coupon, totalStock = 5 } } }, "batches"),
            (new { batches = new[] { new { key = "x", coupon, totalStock = 5 }, new { key = "x", coupon, totalStock = 5 } } }, "batches"),
            (new { batches = new[] { new { key = "x", coupon, totalStock = 5 }, new { key = "y", coupon, totalStock = 0 } } }, "batches[1].totalStock"),
            (new { batches = new[] { new { key = "Bad Key", coupon, totalStock = 5 }, new { key = "y", coupon, totalStock = 5 } } }, "batches[0].key"),
            (new { variants = new[] { new { key = "a", coupon, totalStock = 5, perUserLimit = 2 }, new { key = "b", coupon, totalStock = 5, perUserLimit = 2 } } },
                "variants[0].perUserLimit"),
        };
        foreach (var (body, field) in cases)
        {
            var json = JsonSerializer.SerializeToNode(body)!.AsObject();
            json["name"] = "bad group " + field;
            json["startsAt"] = DateTimeOffset.UtcNow;
            json["endsAt"] = DateTimeOffset.UtcNow.AddHours(1);
            json["validity"] = JsonSerializer.SerializeToNode(new { days = 1 });
            using var response = await marketing.PostAsJsonAsync("/api/campaigns", json);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal((HttpStatusCode.BadRequest, "validation_failed"), (response.StatusCode, problem.Code()));
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error on {field}: {problem}");
        }

        await using var command = system.Database.CreateCommand("SELECT count(*) FROM campaign_stock WHERE campaign_name LIKE 'bad group%'");
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }

    private static async Task<JsonElement> CreateAsync(HttpClient marketing, object body)
    {
        using var response = await marketing.PostAsJsonAsync("/api/campaigns", body);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, created.ToString());
        return created;
    }

    private static async Task<ClaimAnswer> ClaimBatchAsync(HttpClient shopper, Guid campaign, string batch, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/campaigns/{campaign}/claims?batch={batch}");
        request.Headers.Add("Idempotency-Key", key);
        request.Headers.Add("X-Device-Id", "device-1");
        using var response = await shopper.SendAsync(request);
        return new ClaimAnswer(response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private async Task<long> CouponsOfAsync(Guid campaign, string? shopper = null)
    {
        await using var command = system.Database.CreateCommand(
            "SELECT count(*) FROM coupons WHERE campaign_id = $1 AND ($2::text IS NULL OR shopper_id = $2)");
        command.Parameters.Add(new() { Value = campaign });
        command.Parameters.Add(new() { Value = (object?)shopper ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
