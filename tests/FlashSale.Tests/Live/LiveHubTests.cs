using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace FlashSale.Tests.Live;

/// <summary>The live hub with a real SignalR client against the running system.</summary>
public sealed class LiveHubTests(RunningSystem system) : IClassFixture<RunningSystem>
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

        // Coalesced: whatever the claim rate, snapshots of one campaign are at least 200 ms apart.
        var times = snapshots.Select(s => s.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromMilliseconds(195),
            $"snapshots {(pair.Second - pair.First).TotalMilliseconds} ms apart"));
        Assert.True(snapshots.Count < answers.Length / 4, $"{snapshots.Count} snapshots for {answers.Length} claims");
    }

    [Fact]
    public async Task Subscribing_to_an_unknown_campaign_is_refused_by_name()
    {
        await using var connection = Connect();
        await connection.StartAsync();
        var error = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("Subscribe", Guid.NewGuid()));
        Assert.Contains("campaign_not_found", error.Message);
    }

    private HubConnection Connect() => new HubConnectionBuilder().WithUrl(new Uri(system.BaseAddress, "/hubs/live")).Build();

    private static async Task<HttpStatusCode> ClaimAsync(HttpClient client, string token, Guid campaign, int attempt)
    {
        using var request = Infrastructure.Api.ClaimRequest(campaign, $"live-{attempt}");
        request.Headers.Authorization = new("Bearer", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
