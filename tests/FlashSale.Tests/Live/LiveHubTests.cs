using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace FlashSale.Tests.Live;

/// <summary>The live hub with a real SignalR client against the running system.</summary>
[Trait("Tier", "EndToEnd")]
[Collection(SharedSystem.Name)]
public sealed class LiveHubTests(RunningSystem system)
{
    [Fact]
    public async Task A_dashboard_sees_the_stock_drain_in_coalesced_snapshots_and_hears_the_campaign_sell_out()
    {
        var campaign = await system.CreateCampaignAsync(100);
        await using var dashboard = Connect();
        var snapshots = new ConcurrentQueue<JsonElement>();
        var soldOut = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        dashboard.On<JsonElement>("inventory", snapshot =>
        {
            snapshots.Enqueue(snapshot);
            if (snapshot.GetProperty("remaining").GetInt32() == 0)
            {
                drained.TrySetResult();
            }
        });
        dashboard.On<JsonElement>("stateChanged", change =>
        {
            if (change.GetProperty("state").GetString() == "sold_out")
            {
                soldOut.TrySetResult(change);
            }
        });
        await dashboard.StartAsync();
        var first = await dashboard.InvokeAsync<JsonElement>("Subscribe", campaign);
        Assert.Equal((100, 0, "open"), (first.GetProperty("remaining").GetInt32(), first.GetProperty("issued").GetInt32(),
            first.GetProperty("state").GetString()));

        // 150 shoppers race for 100 coupons, twice each.
        var tokens = await Task.WhenAll(Enumerable.Range(0, 150).Select(i => system.TokenAsync($"live-{campaign:N}-{i}", "shopper")));
        using var client = system.Client(maxConnections: 32);
        var answers = await Task.WhenAll(from token in tokens from attempt in Enumerable.Range(0, 2) select ClaimAsync(client, token, campaign, attempt));
        Assert.Equal(100, answers.Count(a => a == HttpStatusCode.Created));

        var change = await soldOut.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(campaign, change.GetProperty("campaignId").GetGuid());
        await drained.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var last = snapshots.Last();
        Assert.Equal((0, 100, "sold_out"), (last.GetProperty("remaining").GetInt32(), last.GetProperty("issued").GetInt32(),
            last.GetProperty("state").GetString()));
        Assert.All(snapshots, s => Assert.Equal(100, s.GetProperty("remaining").GetInt32() + s.GetProperty("issued").GetInt32()));

        // Every refusal is counted by code, those the API node made by itself included.
        var refused = answers.Where(a => a != HttpStatusCode.Created).Count();
        await Eventually.ReturnsAsync(() => Task.FromResult(Refusals(snapshots.Last())), n => n >= refused);
        var counted = snapshots.Last().GetProperty("rejections");
        Assert.Equal(refused, Refusals(snapshots.Last()));
        Assert.True(counted.TryGetProperty("sold_out", out _) && counted.TryGetProperty("limit_reached", out _), counted.ToString());

        // Coalesced: whatever the claim rate, snapshots of one campaign are at least 200 ms apart.
        var times = snapshots.Select(s => s.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromMilliseconds(195),
            $"snapshots {(pair.Second - pair.First).TotalMilliseconds} ms apart"));
        Assert.True(snapshots.Count < answers.Length / 4, $"{snapshots.Count} snapshots for {answers.Length} claims");
    }

    [Fact]
    public async Task Operators_hear_low_stock_and_sold_out_and_nobody_else_does()
    {
        var campaign = await system.CreateCampaignAsync(20);
        var heard = new Dictionary<string, ConcurrentQueue<JsonElement>>(StringComparer.Ordinal);
        var connections = new List<HubConnection>();
        var soldOut = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        foreach (var (who, token) in new[]
        {
            ("operator", await system.TokenAsync("ops-" + campaign.ToString("N")[..6], "marketing")),
            ("shopper", await system.TokenAsync("watcher-" + campaign.ToString("N")[..6], "shopper")),
            ("anonymous", (string?)null),
        })
        {
            var alerts = heard[who] = new ConcurrentQueue<JsonElement>();
            var connection = Connect(token);
            connection.On<JsonElement>("alert", alert =>
            {
                if (alert.GetProperty("campaignId").GetGuid() != campaign)
                {
                    return;
                }

                alerts.Enqueue(alert);
                if (who == "operator" && alert.GetProperty("kind").GetString() == "sold_out")
                {
                    soldOut.TrySetResult();
                }
            });
            await connection.StartAsync();
            connections.Add(connection);
        }

        var tokens = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => system.TokenAsync($"stock-{campaign:N}-{i}", "shopper")));
        using var client = system.Client(maxConnections: 8);
        await Task.WhenAll(tokens.Select(t => ClaimAsync(client, t, campaign, 0)));

        // Every level once: 50% left, 10% left, none left.
        await soldOut.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var levels = await Eventually.ReturnsAsync(() => Task.FromResult(heard["operator"].Select(Level).Order(StringComparer.Ordinal).ToList()), l => l.Count >= 3);
        Assert.Equal(["low_stock:10", "low_stock:50", "sold_out:"], levels);
        Assert.Empty(heard["shopper"]);
        Assert.Empty(heard["anonymous"]);
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }

    [Fact]
    public async Task Operators_hear_a_risk_spike_when_a_device_farm_hits_a_campaign()
    {
        var campaign = await system.CreateCampaignAsync(100, risk: new { maxClaimsPerDevice = 1 });
        var spike = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var operatorConnection = Connect(await system.TokenAsync("risk-ops", "admin"));
        operatorConnection.On<JsonElement>("alert", alert =>
        {
            if (alert.GetProperty("campaignId").GetGuid() == campaign && alert.GetProperty("kind").GetString() == "risk_spike")
            {
                spike.TrySetResult(alert);
            }
        });
        await operatorConnection.StartAsync();

        // Twenty accounts on one phone at once: one coupon, nineteen device-limit refusals (Development alerts from 5 a second).
        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => system.TokenAsync($"farm-{campaign:N}-{i}", "shopper")));
        using var client = system.Client(maxConnections: 20);
        var answers = await Task.WhenAll(tokens.Select(async token =>
        {
            using var request = Infrastructure.Api.ClaimRequest(campaign, "farm", "one-phone");
            request.Headers.Authorization = new("Bearer", token);
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }));
        Assert.Equal(1, answers.Count(a => a == HttpStatusCode.Created));

        var alert = await spike.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(alert.GetProperty("threshold").GetInt32() >= 5);
    }

    [Fact]
    public async Task A_shopper_is_pushed_their_own_expiry_alerts_and_no_one_elses()
    {
        var now = DateTimeOffset.UtcNow;
        var campaign = await system.CreateCampaignAsync(10, endsAt: now.AddSeconds(30), validity: new { until = now.AddSeconds(80) },
            use: new { remindBefore = new[] { "00:01:15" } });
        var holder = "holder-" + campaign.ToString("N")[..8];
        var holderToken = await system.TokenAsync(holder, "shopper");
        var (coupon, _) = await system.ClaimCouponAsync(holderToken, campaign);

        var pushed = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var strangers = new ConcurrentQueue<JsonElement>();
        await using var mine = Connect(holderToken);
        mine.On<JsonElement>("expiryAlert", alert => pushed.TrySetResult(alert));
        await using var other = Connect(await system.TokenAsync("other-" + campaign.ToString("N")[..8], "shopper"));
        other.On<JsonElement>("expiryAlert", strangers.Enqueue);
        await using var anonymous = Connect(null);
        anonymous.On<JsonElement>("expiryAlert", strangers.Enqueue);
        await Task.WhenAll(mine.StartAsync(), other.StartAsync(), anonymous.StartAsync());

        var alert = await pushed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(coupon, alert.GetProperty("couponId").GetGuid());
        Assert.Equal("expiry", alert.GetProperty("kind").GetString());
        // The same alert is in the inbox; nobody else was told.
        using var client = system.Client(holderToken);
        var inbox = await client.GetFromJsonAsync<JsonElement>("/api/me/alerts");
        Assert.Equal(alert.GetProperty("alertId").GetGuid(), inbox.GetProperty("alerts")[0].GetProperty("alertId").GetGuid());
        Assert.Empty(strangers);
    }

    [Fact]
    public async Task Every_api_node_delivers_to_its_own_connections_and_one_dying_does_not_stop_the_others()
    {
        var secondAddress = new Uri($"http://127.0.0.1:{Repo.FreePort()}");
        var second = await system.StartApiAsync(secondAddress);
        var campaign = await system.CreateCampaignAsync(10);
        await using var onFirst = Connect();
        await using var onSecond = new HubConnectionBuilder().WithUrl(new Uri(secondAddress, "/hubs/live")).Build();
        var heardFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var heardSecond = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        onFirst.On<JsonElement>("inventory", s => { if (s.GetProperty("issued").GetInt32() > 0) heardFirst.TrySetResult(); });
        onSecond.On<JsonElement>("inventory", s => { if (s.GetProperty("issued").GetInt32() > 0) heardSecond.TrySetResult(); });
        await Task.WhenAll(onFirst.StartAsync(), onSecond.StartAsync());
        await Task.WhenAll(onFirst.InvokeAsync<JsonElement>("Subscribe", campaign), onSecond.InvokeAsync<JsonElement>("Subscribe", campaign));

        // A claim through the first node reaches the dashboards on both: the grains push to every node.
        using var client = system.Client(await system.TokenAsync("nodes-" + campaign.ToString("N")[..8], "shopper"));
        Assert.Equal(HttpStatusCode.Created, (await client.ClaimAsync(campaign, "through-first")).Status);
        await Task.WhenAll(heardFirst.Task, heardSecond.Task).WaitAsync(TimeSpan.FromSeconds(10));

        // The second node dies without a word; the first keeps delivering.
        await second.KillAsync();
        var heardAgain = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        onFirst.On<JsonElement>("inventory", s => { if (s.GetProperty("issued").GetInt32() > 1) heardAgain.TrySetResult(); });
        using var another = system.Client(await system.TokenAsync("nodes2-" + campaign.ToString("N")[..8], "shopper"));
        Assert.Equal(HttpStatusCode.Created, (await another.ClaimAsync(campaign, "after-death")).Status);
        await heardAgain.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await second.DisposeAsync();
    }

    [Fact]
    public async Task Subscribing_to_an_unknown_campaign_is_refused_by_name()
    {
        await using var connection = Connect();
        await connection.StartAsync();
        var error = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("Subscribe", Guid.NewGuid()));
        Assert.Contains("campaign_not_found", error.Message);
    }

    [Fact]
    public async Task A_dashboard_hears_the_campaign_open_at_its_start_and_end_at_its_end()
    {
        // Room for the creation and the subscription before the opening, on a busy 2-core machine (2 s was not).
        var startsAt = DateTimeOffset.UtcNow.AddSeconds(6);
        var endsAt = startsAt.AddSeconds(2);
        var campaign = await system.CreateCampaignAsync(10, startsAt: startsAt, endsAt: endsAt);
        await using var dashboard = Connect();
        var changes = new ConcurrentQueue<(string State, DateTimeOffset At, DateTimeOffset Heard)>();
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        dashboard.On<JsonElement>("stateChanged", change =>
        {
            var state = change.GetProperty("state").GetString()!;
            changes.Enqueue((state, change.GetProperty("at").GetDateTimeOffset(), DateTimeOffset.UtcNow));
            if (state == "ended")
            {
                ended.TrySetResult();
            }
        });
        await dashboard.StartAsync();
        var first = await dashboard.InvokeAsync<JsonElement>("Subscribe", campaign);
        Assert.Equal("scheduled", first.GetProperty("state").GetString());

        await ended.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(["open", "ended"], changes.Select(c => c.State), StringComparer.Ordinal);
        var (open, end) = (changes.First(), changes.Last());
        Assert.InRange(open.At, startsAt, startsAt.AddSeconds(1));
        Assert.InRange(end.At, endsAt, endsAt.AddSeconds(1));
        Assert.True(open.Heard < endsAt, "The opening was announced only after the campaign had ended.");
    }

    private HubConnection Connect(string? token = null) => system.LiveConnection(token);

    private static int Refusals(JsonElement snapshot) => snapshot.GetProperty("rejections").EnumerateObject().Sum(r => r.Value.GetInt32());

    private static string Level(JsonElement alert) =>
        $"{alert.GetProperty("kind").GetString()}:{(alert.GetProperty("threshold").ValueKind == JsonValueKind.Number ? alert.GetProperty("threshold").GetInt32() : "")}";

    private static async Task<HttpStatusCode> ClaimAsync(HttpClient client, string token, Guid campaign, int attempt)
    {
        using var request = Infrastructure.Api.ClaimRequest(campaign, $"live-{attempt}");
        request.Headers.Authorization = new("Bearer", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
