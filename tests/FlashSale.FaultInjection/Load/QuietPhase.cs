using System.Net.Http.Json;
using System.Text.Json;

namespace FlashSale.FaultInjection.Load;

/// <summary>
/// What the load must have done on a quiet cluster before the first fault: some keys reused across
/// campaigns answered (the claims beside them are judged away from faults), and a 3-second coupon
/// recycled (the recycler's grain may be on the first silo killed, and then sleeps until its
/// reminder, a minute later).
/// </summary>
public sealed class QuietPhase(ClaimHistory history, Uri api, SaleCampaign expiring) : IDisposable
{
    private const int ReusedKeys = 8;
    private readonly HttpClient _http = new() { BaseAddress = api, Timeout = TimeSpan.FromSeconds(5) };

    public async Task<bool> DoneAsync() =>
        history.ReusesAnswered >= ReusedKeys
        && (await _http.GetFromJsonAsync<JsonElement>($"/api/campaigns/{expiring.Id}")).GetProperty("totalStock").GetInt32() > expiring.TotalStock;

    public void Dispose() => _http.Dispose();
}
