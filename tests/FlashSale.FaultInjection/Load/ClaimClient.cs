using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace FlashSale.FaultInjection.Load;

/// <summary>Sends claims to the API nodes and says what each answer means to a shopper.</summary>
public sealed class ClaimClient(IReadOnlyList<Uri> apiNodes, Shoppers shoppers, TimeSpan timeout, int connections) : IDisposable
{
    private readonly HttpClient[] _clients = apiNodes.Select(address => new HttpClient(
        new SocketsHttpHandler { MaxConnectionsPerServer = connections, ConnectTimeout = timeout })
    {
        BaseAddress = address,
        Timeout = timeout,
    }).ToArray();

    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public int Nodes => _clients.Length;

    public async Task<ClaimAttempt> SendAsync(ClaimRequest claim, int node)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/campaigns/{claim.CampaignId}/claims");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await shoppers.TokenAsync(claim.ShopperId, claim.ShopperIndex));
        request.Headers.Add("Idempotency-Key", claim.Key);
        request.Headers.Add("X-Device-Id", claim.DeviceId);
        var sentAt = _clock.Elapsed;
        try
        {
            using var response = await _clients[node].SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            var (couponId, code) = Read(body);
            var outcome = status switch
            {
                >= 200 and < 300 when couponId is not null => Outcome.Acknowledged,
                >= 400 and < 500 => Outcome.Refused,
                _ => Outcome.Unknown,
            };
            return Attempt(claim, node, sentAt, outcome, status, couponId, code);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return Attempt(claim, node, sentAt, Outcome.Unknown, 0, null, e is TaskCanceledException ? "timeout" : "transport");
        }
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }

    private ClaimAttempt Attempt(ClaimRequest claim, int node, TimeSpan sentAt, Outcome outcome, int status, Guid? couponId, string code) =>
        new(claim, node, sentAt, _clock.Elapsed, outcome, status, couponId, code);

    private static (Guid? CouponId, string Code) Read(string body)
    {
        try
        {
            var root = JsonDocument.Parse(body).RootElement;
            var couponId = root.TryGetProperty("couponId", out var id) && id.TryGetGuid(out var guid) ? guid : (Guid?)null;
            var code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "";
            return (couponId, code);
        }
        catch (JsonException)
        {
            return (null, "unreadable");
        }
    }
}
