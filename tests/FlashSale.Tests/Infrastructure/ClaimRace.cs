using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace FlashSale.Tests.Infrastructure;

/// <summary>
/// Shoppers racing for one campaign, each claiming once with a key of their own, all at once; every
/// request's ending is kept: the HTTP answer, or the exception when none came.
/// </summary>
public sealed class ClaimRace
{
    public sealed record Ending(string Shopper, string Key, HttpStatusCode? Status, string? Code, Guid? CouponId, Exception? Error);

    private readonly Guid _campaign;
    private readonly Dictionary<string, string> _tokens;
    private readonly ConcurrentBag<Ending> _endings = new();
    private readonly TaskCompletionSource _enoughAcknowledged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _acknowledged;
    private int _waitFor = int.MaxValue;

    private ClaimRace(Guid campaign, Dictionary<string, string> tokens) => (_campaign, _tokens) = (campaign, tokens);

    public IReadOnlyCollection<Ending> Endings => _endings;

    public string TokenOf(string shopper) => _tokens[shopper];

    public static async Task<ClaimRace> PrepareAsync(RunningSystem system, Guid campaign, int shoppers)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in Enumerable.Range(0, shoppers).Select(i => $"race-{run}-{i}").Chunk(64))
        {
            foreach (var (shopper, token) in await Task.WhenAll(chunk.Select(async s => (s, await system.TokenAsync(s, "shopper")))))
            {
                tokens[shopper] = token;
            }
        }

        return new ClaimRace(campaign, tokens);
    }

    /// <summary>Completes once <paramref name="count"/> claims have been acknowledged (201), to strike mid-race.</summary>
    public Task AcknowledgedAsync(int count)
    {
        _waitFor = count;
        if (Volatile.Read(ref _acknowledged) >= count)
        {
            _enoughAcknowledged.TrySetResult();
        }

        return _enoughAcknowledged.Task;
    }

    public Task RunAsync(HttpClient client) => Task.WhenAll(_tokens.Keys.Select(shopper => ClaimAsync(client, shopper)));

    private async Task ClaimAsync(HttpClient client, string shopper)
    {
        var key = $"{shopper}-key";
        try
        {
            using var request = Api.ClaimRequest(_campaign, key);
            request.Headers.Authorization = new("Bearer", _tokens[shopper]);
            using var response = await client.SendAsync(request);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            var answer = new ClaimAnswer(response.StatusCode, body);
            var created = response.StatusCode == HttpStatusCode.Created;
            _endings.Add(new Ending(shopper, key, response.StatusCode, answer.Code, created ? answer.CouponId : null, null));
            if (created && Interlocked.Increment(ref _acknowledged) >= _waitFor)
            {
                _enoughAcknowledged.TrySetResult();
            }
        }
        catch (Exception e)
        {
            _endings.Add(new Ending(shopper, key, null, null, null, e));
        }
    }
}
