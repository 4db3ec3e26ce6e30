using System.Text;
using FlashSale.LoadGen.Options;
using FlashSale.LoadGen.Setup;

namespace FlashSale.LoadGen.Load;

/// <summary>
/// How a claim looks on the wire for the chosen target. URIs are built once per campaign and header
/// values come ready-made from the shopper pool: a request allocates little beyond its key.
/// </summary>
public sealed class ClaimWire
{
    private readonly Target _target;
    private readonly ShopperPool _shoppers;
    private readonly Uri[] _uris;
    private readonly string[] _campaignIds;
    private readonly IdempotencyKeys _keys;

    public ClaimWire(Target target, Uri baseUrl, IReadOnlyList<Guid> campaigns, ShopperPool shoppers, IdempotencyKeys keys)
    {
        _target = target;
        _shoppers = shoppers;
        _keys = keys;
        _campaignIds = campaigns.Select(id => id.ToString()).ToArray();
        var bare = new Uri(baseUrl, "bare");
        _uris = _campaignIds.Select(id => target switch
        {
            Target.Claims => new Uri(baseUrl, $"api/campaigns/{id}/claims"),
            Target.Redis => new Uri(baseUrl, $"redis/campaigns/{id}/claims"),
            _ => bare,
        }).ToArray();
    }

    /// <summary>Whether a yes carries a coupon id that a replay must get back (the bare endpoint issues none).</summary>
    public bool IssuesCoupons => _target != Target.Bare;

    public HttpRequestMessage Build(PlannedClaim claim)
    {
        var key = _keys.Of(claim.KeySequence);
        var request = new HttpRequestMessage(HttpMethod.Post, _uris[claim.Campaign]);
        // Without validation: the values are known good, and parsing them would allocate.
        request.Headers.TryAddWithoutValidation("Authorization", _shoppers.Authorization(claim.Shopper));
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        request.Headers.TryAddWithoutValidation("X-Device-Id", _shoppers.Device(claim.Shopper));
        if (_target == Target.Bare)
        {
            request.Content = BareBody(claim, key);
        }

        return request;
    }

    private ByteArrayContent BareBody(PlannedClaim claim, string key)
    {
        // Ids and keys are made of letters, digits and dashes here, so they need no JSON escaping.
        var json = $$"""{"campaignId":"{{_campaignIds[claim.Campaign]}}","shopperId":"{{_shoppers.Id(claim.Shopper)}}","key":"{{key}}"}""";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        return content;
    }
}
