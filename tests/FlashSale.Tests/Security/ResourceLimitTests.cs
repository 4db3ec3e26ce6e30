using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using FlashSale.Tests.Api;
using FlashSale.Tests.Infrastructure;
using FlashSale.Tests.Security.Support;

namespace FlashSale.Tests.Security;

/// <summary>
/// Unrestricted resource consumption: bodies, headers, request lines, pages, lists and strings
/// past their limits are refused with a 4xx, and nothing is written. Operations come from the
/// OpenAPI document, so a new body or paged list is held to the same limits.
/// </summary>
[Collection(nameof(SecuritySystemCollection))]
[Trait("Tier", "EndToEnd")]
public sealed class ResourceLimitTests(SecuritySystem system)
{
    private const int BodyLimit = 64 * 1024;

    [Fact]
    public async Task Every_body_past_64_KiB_is_413_with_or_without_a_length()
    {
        var before = await TableDigest.ReadAsync(system.Database);
        var operations = (await OperationsAsync()).Where(o => o.BodySchema is not null).ToList();
        Assert.NotEmpty(operations);

        foreach (var operation in operations)
        {
            using var caller = await CallerAsync(operation);
            var body = ValidBodies.For(operation);
            body["padding"] = new string('x', BodyLimit);
            var json = Encoding.UTF8.GetBytes(body.ToJsonString());
            foreach (var content in new HttpContent[] { new ByteArrayContent(json), new StreamContent(new MemoryStream(json)) })
            {
                content.Headers.ContentType = new("application/json");
                using var request = new HttpRequestMessage(operation.Method, operation.Path(_ => Guid.NewGuid().ToString())) { Content = content };
                request.Headers.TransferEncodingChunked = content is StreamContent;
                await BadInputTests.AssertProblemAsync(await caller.SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
            }
        }

        (await TableDigest.ReadAsync(system.Database)).AssertUnchangedSince(before, "oversized bodies");
    }

    [Fact]
    public async Task Headers_and_request_lines_past_the_servers_limits_are_refused_before_the_application()
    {
        // Kestrel refuses these while reading the request, before any middleware runs: the status
        // says why, and there is no problem body to write (the lead knows; see the report).
        Assert.Equal(431, await RawStatusAsync($"GET /api/time HTTP/1.1\r\nHost: x\r\nX-Big: {new string('a', 40_000)}\r\n\r\n"));
        var many = string.Concat(Enumerable.Range(0, 101).Select(i => $"X-Header-{i}: v\r\n"));
        Assert.Equal(431, await RawStatusAsync($"GET /api/time HTTP/1.1\r\nHost: x\r\n{many}\r\n"));
        Assert.Equal(414, await RawStatusAsync($"GET /api/campaigns?state={new string('a', 9_000)} HTTP/1.1\r\nHost: x\r\n\r\n"));

        using var client = system.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/time")).StatusCode);
    }

    [Fact]
    public async Task Every_paged_list_refuses_limits_out_of_range_and_cursors_it_never_gave()
    {
        var lists = (await OperationsAsync()).Where(o => o.QueryParameters.Contains("limit", StringComparer.Ordinal)).ToList();
        Assert.True(lists.Count >= 4, $"only {lists.Count} paged lists");

        foreach (var operation in lists)
        {
            using var caller = await CallerAsync(operation);
            foreach (var limit in new[] { "0", "-1", "100000", "2147483648", "ten", "1.5", "1e2" })
            {
                var problem = await BadInputTests.AssertProblemAsync(await caller.GetAsync(operation.Path(_ => "x") + "?limit=" + limit),
                    HttpStatusCode.BadRequest, "validation_failed");
                Assert.True(problem.GetProperty("errors").TryGetProperty("limit", out _), $"{operation} limit={limit}: {problem}");
            }

            if (operation.QueryParameters.Contains("after", StringComparer.Ordinal))
            {
                var problem = await BadInputTests.AssertProblemAsync(await caller.GetAsync(operation.Path(_ => "x") + "?after=bm90LWEtY3Vyc29y"),
                    HttpStatusCode.BadRequest, "validation_failed");
                Assert.True(problem.GetProperty("errors").TryGetProperty("after", out _), $"{operation}: {problem}");
            }
        }
    }

    public static TheoryData<string, string, string, string> OverLongFields => new()
    {
        // path, role, body, the field named in errors
        { "/api/me/checkout", "shopper", Order("o", couponIds: Enumerable.Range(0, 21).Select(_ => Guid.NewGuid()).ToArray()), "couponIds" },
        { "/api/me/checkout", "shopper", Order(new string('o', 101)), "orderId" },
        { "/api/me/checkout/plan", "shopper", """{"amount":1000000000.01,"currency":"CNY"}""", "amount" },
        { $"/api/me/coupons/{Guid.NewGuid()}/transfer", "shopper", $$"""{"to":"{{new string('t', 101)}}"}""", "to" },
        { "/api/admin/points", "admin", $$"""{"shopperId":"s","points":100000001,"note":"n"}""", "points" },
        { "/api/admin/points", "admin", $$"""{"shopperId":"s","points":1,"note":"{{new string('n', 501)}}"}""", "note" },
        { "/api/admin/blocks", "admin", $$"""{"kind":"device","value":"{{new string('v', 129)}}","reason":"r"}""", "value" },
        { $"/api/campaigns/{Guid.NewGuid()}/secrets", "marketing", $$"""{"secrets":[{{string.Join(',', Enumerable.Range(0, 1001).Select(i => $"\"s{i}\""))}}]}""", "secrets" },
        { $"/api/campaigns/{Guid.NewGuid()}/stock", "marketing", """{"add":10000001}""", "add" },
        { "/api/campaigns", "marketing", Campaign(c => c["name"] = new string('n', 201)), "name" },
        { "/api/campaigns", "marketing", Campaign(c => c["earlyAccess"] = new JsonArray([.. Enumerable.Range(0, 6).Select(i => new JsonObject { ["tier"] = $"t{i}", ["lead"] = "00:01:00" })])), "earlyAccess" },
        { "/api/dev/tokens", "shopper", $$"""{"userId":"{{new string('u', 129)}}","roles":["shopper"]}""", "userId" },
    };

    [Theory]
    [MemberData(nameof(OverLongFields))]
    public async Task Fields_and_lists_past_their_limits_are_refused_by_name(string path, string role, string body, string field)
    {
        var before = await TableDigest.ReadAsync(system.Database);
        using var caller = system.Client(await system.TokenAsync("limits-" + role, role));

        using var response = await caller.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await BadInputTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").EnumerateObject().Any(e => e.Name.StartsWith(field, StringComparison.Ordinal)), $"errors lack {field}: {problem}");
        (await TableDigest.ReadAsync(system.Database)).AssertUnchangedSince(before, path);
    }

    [Fact]
    public async Task Nesting_past_the_readers_depth_is_malformed_json()
    {
        using var marketer = system.Client(await system.TokenAsync("limits-marketing", "marketing"));
        var deep = Campaign(c => c["name"] = "@@deep@@").Replace("\"@@deep@@\"", new string('[', 100) + new string(']', 100));

        var problem = await BadInputTests.AssertProblemAsync(await marketer.PostAsync("/api/campaigns", new StringContent(deep, Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, "malformed_json");
        Assert.Contains("$.name", problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).First());
    }

    [Fact]
    public async Task Claim_headers_past_128_characters_are_invalid()
    {
        var campaign = await system.CreateCampaignAsync(totalStock: 5);
        using var shopper = system.Client(await system.TokenAsync("limits-shopper", "shopper"));
        foreach (var (key, device) in new[] { (new string('k', 129), "d"), (new string('k', 8_000), "d"), ("k", new string('d', 129)) })
        {
            await BadInputTests.AssertProblemAsync(await shopper.SendAsync(Infrastructure.Api.ClaimRequest(campaign, key, device)), HttpStatusCode.BadRequest,
                "invalid_header");
        }

        Assert.Equal(0, (await LedgerAudit.ReadAsync(system.Database, campaign)).CouponRows);
    }

    private async Task<IReadOnlyList<ApiOperation>> OperationsAsync()
    {
        using var client = system.Client();
        return await ApiOperation.ReadAllAsync(client);
    }

    private async Task<HttpClient> CallerAsync(ApiOperation operation) =>
        operation.AdmittedRole is { } role ? system.Client(await system.TokenAsync("limits-" + role, role)) : system.Client();

    /// <summary>Sends bytes as they are, past what HttpClient would let through, and reads the status line.</summary>
    private async Task<int> RawStatusAsync(string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(system.BaseAddress.Host, system.BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var status = await reader.ReadLineAsync() ?? "";
        return int.Parse(status.Split(' ')[1], CultureInfo.InvariantCulture);
    }

    private static string Order(string orderId, Guid[]? couponIds = null) =>
        new JsonObject { ["orderId"] = orderId, ["amount"] = 100, ["currency"] = "CNY", ["couponIds"] = couponIds is null ? null : new JsonArray([.. couponIds.Select(id => JsonValue.Create(id))]) }
            .ToJsonString();

    private static string Campaign(Action<JsonObject> change)
    {
        var campaign = ValidBodies.Campaign();
        change(campaign);
        return campaign.ToJsonString();
    }
}
