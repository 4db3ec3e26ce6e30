using System.Net;
using System.Net.Http.Json;
using FlashSale.Tests.Infrastructure;
using FlashSale.Tests.Security.Support;

namespace FlashSale.Tests.Security.Fuzz;

/// <summary>
/// Real things for fuzzed requests to aim at, so that they reach past "not found": an open
/// campaign, a campaign of batches, a draft, the fuzzing shopper's coupons (one used on an order),
/// another shopper's coupon, a block; and a token for each role.
/// </summary>
public sealed class FuzzTargets
{
    private FuzzTargets(IReadOnlyDictionary<string, string> tokens, string[] campaigns, string[] coupons, string[] orders, string[] blocks, string code)
    {
        Tokens = tokens;
        Campaigns = campaigns;
        Coupons = coupons;
        Orders = orders;
        Blocks = blocks;
        Code = code;
    }

    /// <summary>By role; "forged" is signed with a key the API does not know.</summary>
    public IReadOnlyDictionary<string, string> Tokens { get; }

    public string[] Campaigns { get; }
    public string[] Coupons { get; }
    public string[] Orders { get; }
    public string[] Blocks { get; }

    /// <summary>A coupon code the fuzzing shopper holds, for the merchant's till.</summary>
    public string Code { get; }

    /// <summary>Real ids for a path parameter, by what the path names.</summary>
    public string[] IdsFor(ApiOperation operation, string parameter) => parameter switch
    {
        "orderId" => Orders,
        _ when operation.Template.Contains("/coupons/{id}") => Coupons,
        _ when operation.Template.Contains("/blocks/{id}") => Blocks,
        _ => Campaigns,
    };

    public static async Task<FuzzTargets> CreateAsync(RunningSystem system)
    {
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal) { ["forged"] = Support.Tokens.Mint("fuzz-shopper", key: "not-the-api-key-but-long-enough-0123456789abc") };
        foreach (var role in ApiOperation.AllRoles)
        {
            tokens[role] = await system.TokenAsync("fuzz-" + role, role);
        }

        var open = await system.CreateCampaignAsync(totalStock: 10_000, perUserLimit: 5, use: new { transfer = "free" });
        var (kept, code) = await system.ClaimCouponAsync(tokens["shopper"], open);
        var (used, _) = await system.ClaimCouponAsync(tokens["shopper"], open);
        var (others, _) = await system.ClaimCouponAsync(await system.TokenAsync("fuzz-other-shopper", "shopper"), open);
        using var shopper = system.Client(tokens["shopper"]);
        // An order of its own each time: the fuzz runs share one shopper, and an order's coupons add up.
        var order = "fuzz-order-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.OK, (await shopper.RedeemAsync(used, order, 100)).Status);

        using var marketing = system.Client(tokens["marketing"]);
        var group = ValidBodies.Campaign();
        group.Remove("coupon");
        group.Remove("totalStock");
        group["batches"] = System.Text.Json.Nodes.JsonNode.Parse("""
            [{"key":"b1","name":"One","coupon":{"kind":"fixed","amountOff":5},"totalStock":50,"perUserLimit":1},
             {"key":"b2","name":"Two","coupon":{"kind":"percent","percentOff":10,"maxDiscount":20},"totalStock":50,"perUserLimit":1}]
            """);
        var draft = ValidBodies.Campaign();
        draft["draft"] = true;
        var groupId = await CreatedIdAsync(marketing, group);
        var draftId = await CreatedIdAsync(marketing, draft);

        using var admin = system.Client(tokens["admin"]);
        var block = await admin.BlockAsync("device", "fuzz-blocked-device");

        return new FuzzTargets(tokens, [open.ToString(), groupId, draftId], [kept.ToString(), used.ToString(), others.ToString()],
            [order], [block.ToString()], code);
    }

    private static async Task<string> CreatedIdAsync(HttpClient marketing, System.Text.Json.Nodes.JsonObject body)
    {
        using var response = await marketing.PostAsJsonAsync("/api/campaigns", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
    }
}
