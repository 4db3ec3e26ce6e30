using System.Diagnostics;
using System.Net;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Api;

[Collection(nameof(RunningSystemCollection))]
[Trait("Tier", "EndToEnd")]
public sealed class ClaimRaceTests(RunningSystem system, ITestOutputHelper output)
{
    private sealed record Attempt(string Shopper, string Key);

    [Fact]
    public async Task Five_thousand_racing_claims_from_two_thousand_shoppers_issue_exactly_the_stock()
    {
        const int stock = 1_000, limit = 2, shopperCount = 2_000;
        var campaign = await system.CreateCampaignAsync(totalStock: stock, perUserLimit: limit);
        var run = Guid.NewGuid().ToString("N")[..8];
        var shoppers = Enumerable.Range(0, shopperCount).Select(i => $"racer-{run}-{i}").ToArray();
        var tokens = await TokensAsync(shoppers);

        // Every shopper asks twice with fresh keys, one in four a third time; then 500 requests replay a key.
        var random = new Random(42);
        var attempts = shoppers.SelectMany(s => Enumerable.Range(0, random.Next(4) == 0 ? 3 : 2).Select(k => new Attempt(s, $"{s}-key-{k}"))).ToList();
        attempts.AddRange(Enumerable.Range(0, 5_000 - attempts.Count).Select(_ => attempts[random.Next(attempts.Count)]));
        attempts = attempts.OrderBy(_ => random.Next()).ToList();
        Assert.Equal(5_000, attempts.Count);

        using var client = system.Client(maxConnections: 256);
        var clock = Stopwatch.StartNew();
        var answers = await Task.WhenAll(attempts.Select(async a =>
        {
            using var request = Infrastructure.Api.ClaimRequest(campaign, a.Key, $"device-{a.Shopper}");
            request.Headers.Authorization = new("Bearer", tokens[a.Shopper]);
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            return (Attempt: a, Answer: new ClaimAnswer(response.StatusCode, System.Text.Json.JsonDocument.Parse(body).RootElement.Clone()));
        }));
        clock.Stop();
        output.WriteLine($"{answers.Length} claims in {clock.Elapsed.TotalSeconds:F2} s: {answers.Length / clock.Elapsed.TotalSeconds:F0} claims/s");

        Assert.All(answers, a => Assert.True(
            a.Answer.Status == HttpStatusCode.Created || a.Answer.Code is "sold_out" or "limit_reached",
            $"unexpected {(int)a.Answer.Status} {a.Answer.Code}"));
        var issued = answers.Where(a => a.Answer.Status == HttpStatusCode.Created).ToList();
        var couponIds = issued.Select(a => a.Answer.CouponId).ToHashSet();
        Assert.Equal(stock, couponIds.Count);

        // A key's outcome never changes: every replay got exactly what the first request got.
        foreach (var sameKey in answers.GroupBy(a => a.Attempt).Where(g => g.Count() > 1))
        {
            var outcomes = sameKey.Select(a => a.Answer.Status == HttpStatusCode.Created ? a.Answer.CouponId.ToString() : a.Answer.Code).Distinct(StringComparer.Ordinal);
            Assert.Single(outcomes);
        }

        Assert.All(issued.GroupBy(a => a.Attempt.Shopper, StringComparer.Ordinal), g => Assert.True(g.Select(a => a.Answer.CouponId).Distinct().Count() <= limit));

        var audit = await LedgerAudit.ReadAsync(system.Database, campaign);
        audit.AssertConsistent(limit);
        Assert.Equal(stock, audit.IssuedCounter);
        Assert.Equal(couponIds, audit.CouponIds);
        output.WriteLine($"{audit.CouponRows} coupons committed in {audit.Transactions} transactions");
    }

    private async Task<Dictionary<string, string>> TokensAsync(IEnumerable<string> shoppers)
    {
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in shoppers.Chunk(64))
        {
            var minted = await Task.WhenAll(chunk.Select(async s => (s, await system.TokenAsync(s, "shopper"))));
            foreach (var (shopper, token) in minted)
            {
                tokens[shopper] = token;
            }
        }

        return tokens;
    }
}
