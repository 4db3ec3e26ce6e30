using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using FlashSale.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace FlashSale.Tests.Live;

/// <summary>
/// What one live-hub client can cost everyone else: grains woken for made-up ids, subscriptions
/// without end, and a connection that stops reading. A real SignalR client against a system of
/// its own, whose API node allows <see cref="Limit"/> subscriptions per connection.
/// </summary>
[Trait("Tier", "EndToEnd")]
public sealed class LiveHubGuardTests(LiveHubGuardTests.LimitedSystem system) : IClassFixture<LiveHubGuardTests.LimitedSystem>
{
    public const int Limit = 5;

    public sealed class LimitedSystem : RunningSystem
    {
        protected override IReadOnlyDictionary<string, string> ApiSettings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["RateLimits__PerAddress__PermitsPerSecond"] = "0",
            ["RateLimits__PerShopper__PermitsPerSecond"] = "0",
            ["LiveHub__MaxSubscriptions"] = Limit.ToString(),
        };
    }

    [Fact]
    public async Task Subscribing_to_made_up_campaign_ids_is_refused_without_waking_a_campaign_grain()
    {
        await using var connection = system.LiveConnection();
        await connection.StartAsync();
        var before = await CampaignGrainActivationsAsync();

        foreach (var id in Enumerable.Range(0, 30).Select(_ => Guid.NewGuid()))
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("Subscribe", id));
            Assert.Contains("campaign_not_found", refused.Message);
        }

        // Creating a campaign wakes its grain: once the count shows that one (the exporter caches a scrape for
        // 300 ms), it shows every activation made before it, and there is no other.
        await system.CreateCampaignAsync(1);
        Assert.Equal(before + 1, await Eventually.ReturnsAsync(CampaignGrainActivationsAsync, count => count > before));
    }

    [Fact]
    public async Task A_connection_watches_at_most_the_configured_number_of_campaigns()
    {
        var campaigns = await Task.WhenAll(Enumerable.Range(0, Limit + 1).Select(_ => system.CreateCampaignAsync(10)));
        var extra = campaigns[Limit];
        await using var full = system.LiveConnection();
        var heardByFull = 0;
        full.On<JsonElement>("inventory", s => { if (s.GetProperty("campaignId").GetGuid() == extra) Interlocked.Increment(ref heardByFull); });
        await full.StartAsync();
        foreach (var campaign in campaigns[..Limit])
        {
            await full.InvokeAsync<JsonElement>("Subscribe", campaign);
        }

        // Subscribing again to a campaign it watches takes no new place.
        await full.InvokeAsync<JsonElement>("Subscribe", campaigns[0]);
        var refused = await Assert.ThrowsAsync<HubException>(() => full.InvokeAsync<JsonElement>("Subscribe", extra));
        Assert.Contains("too_many_subscriptions", refused.Message);
        Assert.Contains($"at most {Limit}", refused.Message);

        // Refused means not subscribed: another connection (limits are per connection) hears a claim on it, this one does not.
        await using var other = system.LiveConnection();
        var heardByOther = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        other.On<JsonElement>("inventory", s => { if (s.GetProperty("issued").GetInt32() == 1) heardByOther.TrySetResult(); });
        await other.StartAsync();
        await other.InvokeAsync<JsonElement>("Subscribe", extra);
        using var shopper = system.Client(await system.TokenAsync("guard-" + extra.ToString("N")[..8], "shopper"));
        Assert.Equal(HttpStatusCode.Created, (await shopper.ClaimAsync(extra, "one")).Status);
        await heardByOther.Task.WaitAsync(TimeSpan.FromSeconds(10));
        // Whatever the node sent this connection before the answer below has arrived by then: a connection's messages keep their order.
        await full.InvokeAsync<JsonElement>("Subscribe", campaigns[0]);
        Assert.Equal(0, heardByFull);

        // Leaving one makes room for another.
        await full.InvokeAsync("Unsubscribe", campaigns[0]);
        Assert.Equal(1, (await full.InvokeAsync<JsonElement>("Subscribe", extra)).GetProperty("issued").GetInt32());
    }

    [Fact]
    public async Task A_connection_that_stops_reading_holds_up_nobody_elses_snapshots()
    {
        var watched = await system.CreateCampaignAsync(100);
        var other = await system.CreateCampaignAsync(10);

        // Long polling, so that the node buffers what it sends this client until its next poll, which is held back:
        // its answers to a thousand subscribes (far over the 64 KB a connection may have waiting) stay unread.
        var valve = new PollValve();
        await using var stalled = system.LiveConnection(configure: options =>
        {
            options.Transports = HttpTransportType.LongPolling;
            options.HttpMessageHandlerFactory = inner => new PollGate(valve) { InnerHandler = inner };
        });
        await stalled.StartAsync();
        await stalled.InvokeAsync<JsonElement>("Subscribe", watched);
        valve.Close();
        var unread = Enumerable.Range(0, 1000).Select(_ => stalled.InvokeAsync<JsonElement>("Subscribe", other)).ToList();
        _ = Task.WhenAll(unread).ContinueWith(all => all.Exception, TaskContinuationOptions.OnlyOnFaulted);

        await using var dashboard = system.LiveConnection();
        var issued = Channel.CreateUnbounded<int>();
        dashboard.On<JsonElement>("inventory", s =>
        {
            if (s.GetProperty("campaignId").GetGuid() == watched)
            {
                issued.Writer.TryWrite(s.GetProperty("issued").GetInt32());
            }
        });
        await dashboard.StartAsync();
        await dashboard.InvokeAsync<JsonElement>("Subscribe", watched);

        // Claim after claim, the dashboard hears each within moments, however long the stalled client's queue grows.
        try
        {
            await HearEachClaimAsync(watched, issued.Reader);
        }
        finally
        {
            valve.Open();
        }
    }

    private async Task HearEachClaimAsync(Guid watched, ChannelReader<int> issued)
    {
        for (var round = 1; round <= 10; round++)
        {
            using var shopper = system.Client(await system.TokenAsync($"stalled-{watched:N}-{round}", "shopper"));
            Assert.Equal(HttpStatusCode.Created, (await shopper.ClaimAsync(watched, "claim")).Status);
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            try
            {
                while (await issued.ReadAsync(deadline.Token) < round)
                {
                }
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Claim {round} reached no snapshot within 3 s while another connection was not reading.");
            }
        }
    }

    /// <summary>Campaign grain activations the silo has made so far, from its Orleans metrics.</summary>
    private async Task<double> CampaignGrainActivationsAsync()
    {
        using var silo = new HttpClient { BaseAddress = system.SiloAddress };
        var scrape = await PrometheusScrape.ReadAsync(silo);
        Assert.True(scrape.Has(ActivationsCreated), "The silo exports no " + ActivationsCreated);
        return scrape.Sum(ActivationsCreated, ("grain_type", "campaign"));
    }

    private const string ActivationsCreated = "orleans_catalog_activation_created_total";

    /// <summary>Whether a long-polling client's polls may go out; shared by every handler its connection makes.</summary>
    private sealed class PollValve
    {
        private volatile TaskCompletionSource? _closed;

        public Task Passage => _closed?.Task ?? Task.CompletedTask;

        public void Close() => _closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => _closed?.TrySetResult();
    }

    /// <summary>Holds a long-polling client's polls (GET) while the valve is closed; its sends (POST) go through.</summary>
    private sealed class PollGate(PollValve valve) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Get)
            {
                await valve.Passage.WaitAsync(cancellationToken);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
