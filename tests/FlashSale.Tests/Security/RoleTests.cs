using System.Net;
using System.Text;
using FlashSale.Tests.Api;
using FlashSale.Tests.Infrastructure;
using FlashSale.Tests.Security.Support;

namespace FlashSale.Tests.Security;

/// <summary>
/// Every operation in the API's own OpenAPI document, called by nobody and by each role it does
/// not admit, with a body it would accept: 401 or 403 with a code, and not a row changes. New
/// endpoints are covered as soon as they are mapped, and a new public one fails here until it is
/// added to the list below on purpose.
/// </summary>
[Collection(nameof(SecuritySystemCollection))]
[Trait("Tier", "EndToEnd")]
public sealed class RoleTests(SecuritySystem system)
{
    // Forgetting the dashboard cookie needs no token: the answer only expires the cookie in the browser.
    // Payment gateways sign their notifications instead of holding a token: the silo checks the signature.
    private static readonly string[] Public =
        ["DELETE /api/admin/dashboard/session", "GET /api/campaigns", "GET /api/campaigns/{id}", "GET /api/time", "POST /api/dev/tokens",
            "POST /api/payments/notifications/{channel}"];

    [Fact]
    public async Task Only_the_known_public_operations_are_open_and_every_other_names_its_roles()
    {
        var operations = await OperationsAsync();

        Assert.Equal(Public, operations.Where(o => o.IsPublic).Select(o => o.ToString()).Order(StringComparer.Ordinal), StringComparer.Ordinal);
        Assert.All(operations.Where(o => !o.IsPublic), o => Assert.True(o.Roles!.Count > 0, $"{o} admits anyone signed in"));
        // Sanity: the document covers the API, not a handful of it.
        Assert.True(operations.Count >= 30, $"only {operations.Count} operations in the document");
    }

    [Fact]
    public async Task Nobody_and_the_wrong_roles_are_refused_everywhere_and_change_nothing()
    {
        var targets = await TargetsAsync();
        var before = await TableDigest.ReadAsync(system.Database);
        var probed = 0;

        foreach (var operation in (await OperationsAsync()).Where(o => !o.IsPublic))
        {
            using var anonymous = system.Client();
            await BadInputTests.AssertProblemAsync(await anonymous.SendAsync(Request(operation, targets)), HttpStatusCode.Unauthorized, "unauthenticated");
            foreach (var role in ApiOperation.AllRoles.Where(r => !operation.Admits(r)))
            {
                using var caller = system.Client(await system.TokenAsync("role-" + role, role));
                using var response = await caller.SendAsync(Request(operation, targets));
                await BadInputTests.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
                probed++;
            }
        }

        Assert.True(probed >= 40, $"only {probed} wrong-role calls");
        (await TableDigest.ReadAsync(system.Database)).AssertUnchangedSince(before, "refused calls");
    }

    [Fact]
    public async Task The_roles_the_document_names_get_past_authorization()
    {
        var targets = await TargetsAsync();
        foreach (var operation in (await OperationsAsync()).Where(o => !o.IsPublic))
        {
            foreach (var role in operation.Roles!)
            {
                using var caller = system.Client(await system.TokenAsync("allowed-" + role, role));
                using var response = await caller.SendAsync(Request(operation, targets));
                var text = await response.Content.ReadAsStringAsync();
                Assert.False(response.StatusCode == HttpStatusCode.Unauthorized || (response.StatusCode == HttpStatusCode.Forbidden && text.Contains("\"forbidden\"")),
                    $"{operation} as {role}: {(int)response.StatusCode} {text}");
            }
        }
    }

    private async Task<IReadOnlyList<ApiOperation>> OperationsAsync()
    {
        using var client = system.Client();
        return await ApiOperation.ReadAllAsync(client);
    }

    /// <summary>Real objects for the path: if a check were missing, the call would reach something and change it.</summary>
    private async Task<Targets> TargetsAsync()
    {
        var campaign = await system.CreateCampaignAsync(totalStock: 50, use: new { transfer = "free" });
        var (coupon, code) = await system.ClaimCouponAsync(await system.TokenAsync("role-holder", "shopper"), campaign);
        return new Targets(campaign, coupon, code);
    }

    private static HttpRequestMessage Request(ApiOperation operation, Targets targets)
    {
        var path = operation.Path(name => name switch
        {
            "orderId" => "role-order",
            _ when operation.Template.Contains("/coupons/{id}") => targets.Coupon.ToString(),
            _ => targets.Campaign.ToString(),
        });
        var request = new HttpRequestMessage(operation.Method, path);
        if (operation.BodySchema is not null)
        {
            request.Content = new StringContent(ValidBodies.For(operation, targets.Code).ToJsonString(), Encoding.UTF8, "application/json");
        }

        request.Headers.Add("Idempotency-Key", "role-" + Guid.NewGuid().ToString("N"));
        request.Headers.Add("X-Device-Id", "role-device");
        return request;
    }

    private sealed record Targets(Guid Campaign, Guid Coupon, string Code);
}
