using System.Net;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Risk;

/// <summary>An API node with tight edge limits, and one trusted proxy at 127.0.9.1.</summary>
public sealed class RateLimitedSystem : RunningSystem
{
    public const string Proxy = "127.0.9.1";

    protected override IReadOnlyDictionary<string, string> ApiSettings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["RateLimits__PerAddress__PermitsPerSecond"] = "1",
        ["RateLimits__PerAddress__Burst"] = "5",
        ["RateLimits__PerShopper__PermitsPerSecond"] = "1",
        ["RateLimits__PerShopper__Burst"] = "3",
        ["ForwardedHeaders__KnownProxies__0"] = Proxy,
        // Full buckets are dropped every second here, so that a test sees a sweep within seconds.
        ["RateLimits__SweepEvery"] = "00:00:01",
    };
}

/// <summary>Edge rate limits over real HTTP from several loopback source addresses.</summary>
[Trait("Tier", "EndToEnd")]
public sealed class RateLimitTests(RateLimitedSystem system) : IClassFixture<RateLimitedSystem>
{
    [Fact]
    public async Task Each_address_has_its_own_bucket_and_an_empty_one_answers_429_with_retry_after()
    {
        using var flooder = system.Client(source: "127.0.8.1");
        using var neighbour = system.Client(source: "127.0.8.2");

        // A burst of 5, plus at most one token refilled while the requests go out.
        var answers = await SendAsync(flooder, 8);
        Assert.InRange(answers.Count(r => r.StatusCode == HttpStatusCode.OK), 5, 6);
        var limited = answers.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.InRange(limited.Count, 2, 3);
        Assert.All(limited, r => Assert.True(r.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1)));
        Assert.Contains("\"code\":\"rate_limited\"", await limited[0].Content.ReadAsStringAsync());

        Assert.All(await SendAsync(neighbour, 5), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        using var admin = system.Client(await system.TokenAsync("rl-admin", "admin"), source: "127.0.8.3");
        var audited = await admin.DecisionsEventuallyAsync("rule=rate_limit");
        Assert.Contains(audited, d => d.GetProperty("address").GetString() == "127.0.8.1" && d.GetProperty("occurrences").GetInt32() >= 1);
    }

    [Fact]
    public async Task A_shopper_is_limited_across_addresses()
    {
        var token = await system.TokenAsync("rl-shopper-" + Guid.NewGuid().ToString("N")[..8], "shopper");
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            using var client = system.Client(token, source: $"127.0.10.{i + 1}");
            answers.AddRange(await SendAsync(client, 1));
        }

        // The shopper's burst of 3 (plus at most one refill), though every address still had tokens.
        Assert.InRange(answers.Count(r => r.StatusCode == HttpStatusCode.OK), 3, 4);
        Assert.InRange(answers.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests), 2, 3);
    }

    [Fact]
    public async Task Forwarded_for_is_believed_from_the_trusted_proxy_only()
    {
        // A client that forges X-Forwarded-For still spends its own address's bucket.
        using var forger = system.Client(source: "127.0.11.1");
        var forged = new List<HttpResponseMessage>();
        for (var i = 0; i < 7; i++)
        {
            forged.AddRange(await SendAsync(forger, 1, forwardedFor: $"198.51.100.{i + 1}"));
        }

        Assert.InRange(forged.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests), 1, 2);

        // Through the trusted proxy, each client address has its own bucket.
        using var proxy = system.Client(source: RateLimitedSystem.Proxy);
        var first = await SendAsync(proxy, 7, forwardedFor: "203.0.113.7");
        Assert.InRange(first.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests), 1, 2);
        Assert.All(await SendAsync(proxy, 5, forwardedFor: "203.0.113.8"), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    [Fact]
    public async Task An_empty_bucket_refills_at_its_rate_and_never_beyond_its_burst()
    {
        using var client = system.Client(source: "127.0.12.1");
        var first = await SendAsync(client, 8);
        var retryAfter = first.First(r => r.StatusCode == HttpStatusCode.TooManyRequests).Headers.RetryAfter!.Delta!.Value;

        // After the wait it asked for, one token per second has come back, not the burst.
        await Task.Delay(retryAfter);
        var refilled = await SendAsync(client, 3);
        Assert.InRange(refilled.Count(r => r.StatusCode == HttpStatusCode.OK), 1, 2);

    }

    [Fact]
    public async Task An_idle_bucket_gives_back_its_burst_and_no_more()
    {
        using var client = system.Client(source: "127.0.12.2");
        await SendAsync(client, 1);

        // Three seconds at one token a second would take 4 left to 7 without the cap; meanwhile the
        // full bucket is swept (every second here) and comes back as a new one: the burst of 5, no more.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var again = await SendAsync(client, 8);
        Assert.InRange(again.Count(r => r.StatusCode == HttpStatusCode.OK), 5, 6);
    }

    private async Task<List<HttpResponseMessage>> SendAsync(HttpClient client, int count, string? forwardedFor = null)
    {
        var campaign = Guid.NewGuid();
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/campaigns/" + campaign);
            if (forwardedFor is not null)
            {
                request.Headers.Add("X-Forwarded-For", forwardedFor);
            }

            var response = await client.SendAsync(request);
            // An unknown campaign answers 404: what matters is whether the limiter let the request in.
            answers.Add(response.StatusCode == HttpStatusCode.NotFound ? new HttpResponseMessage(HttpStatusCode.OK) : response);
        }

        return answers;
    }
}
