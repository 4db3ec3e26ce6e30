using System.Net;
using System.Text;
using CsCheck;
using FlashSale.Tests.Api;
using FlashSale.Tests.Infrastructure;
using FlashSale.Tests.Security.Fuzz;
using FlashSale.Tests.Security.Support;

namespace FlashSale.Tests.Security;

/// <summary>
/// Property-based fuzzing (CsCheck) of every operation in the OpenAPI document, one kind of input
/// at a time: 2,000 generated requests, each of which must get no 5xx, a problem with a
/// code when refused, and, when refused, change no row in PostgreSQL. A failure prints the
/// request and CsCheck's seed, which replays the run.
/// </summary>
[Collection(nameof(SecuritySystemCollection))]
[Trait("Tier", "EndToEnd")]
public sealed class InputFuzzTests(SecuritySystem system, ITestOutputHelper output)
{
    [Fact]
    public Task Generated_bodies() => FuzzAsync(requests => requests.Bodies, o => o.BodySchema is not null, 800);

    [Fact]
    public Task Generated_path_ids() => FuzzAsync(requests => requests.Paths, o => o.PathParameters.Count > 0, 400);

    [Fact]
    public Task Generated_query_strings() => FuzzAsync(requests => requests.Queries, _ => true, 400);

    [Fact]
    public Task Generated_headers() => FuzzAsync(requests => requests.Headers, _ => true, 400);

    public static TheoryData<string, string> PropertiesGivenTwice => new()
    {
        // body, path ("{campaign}" is a real campaign)
        { """{"name":"a","name":"b"}""", "/api/campaigns/{campaign}" },
        { """{"name":"a","NAME":"b"}""", "/api/campaigns/{campaign}" },
        { """{"coupon":{"kind":"fixed","kind":"percent"}}""", "/api/campaigns/{campaign}" },
        { """{"amount":5,"amount":6,"currency":"CNY"}""", "/api/me/checkout/plan" },
    };

    /// <summary>Found by the fuzzing: a property given twice made PATCH answer 500, and elsewhere the last copy won.</summary>
    [Theory]
    [MemberData(nameof(PropertiesGivenTwice))]
    public async Task A_property_given_twice_is_malformed_json(string body, string path)
    {
        var campaign = await system.CreateCampaignAsync(totalStock: 5);
        var role = path.StartsWith("/api/me/", StringComparison.Ordinal) ? "shopper" : "marketing";
        using var caller = system.Client(await system.TokenAsync("twice-" + role, role));
        var before = await TableDigest.ReadAsync(system.Database);

        using var request = new HttpRequestMessage(path.Contains("{campaign}") ? HttpMethod.Patch : HttpMethod.Post, path.Replace("{campaign}", campaign.ToString()))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        await BadInputTests.AssertProblemAsync(await caller.SendAsync(request), HttpStatusCode.BadRequest, "malformed_json");
        (await TableDigest.ReadAsync(system.Database)).AssertUnchangedSince(before, path);
    }

    public static TheoryData<string, string> ControlCharacters => new()
    {
        // method and path, body
        { "POST /api/admin/blocks", """{"kind":"device","value":"nul-device","reason":"a\u0000b"}""" },
        { "GET /api/admin/risk/decisions?deviceId=a%00b", "" },
        { "GET /api/admin/risk/decisions?shopperId=%00", "" },
        { "GET /api/admin/risk/decisions?rule=a%00", "" },
    };

    /// <summary>Found by the fuzzing: text with a NUL went on to PostgreSQL, which refused it, and the caller got 503.</summary>
    [Theory]
    [MemberData(nameof(ControlCharacters))]
    public async Task Text_with_control_characters_is_refused_before_the_database(string call, string body)
    {
        using var admin = system.Client(await system.TokenAsync("nul-admin", "admin"));
        var before = await TableDigest.ReadAsync(system.Database);
        var (method, path) = (call.Split(' ')[0], call.Split(' ')[1]);

        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body != "")
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        await BadInputTests.AssertProblemAsync(await admin.SendAsync(request), HttpStatusCode.BadRequest, "validation_failed");
        (await TableDigest.ReadAsync(system.Database)).AssertUnchangedSince(before, call);
    }

    /// <summary>Found by the fuzzing: the framework's own refusals came as text/plain, without a code, to clients asking for XML.</summary>
    [Fact]
    public async Task Refusals_are_problem_json_whatever_the_client_accepts()
    {
        using var client = system.Client();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", "application/xml");

        await BadInputTests.AssertProblemAsync(await client.GetAsync("/api/me/coupons"), HttpStatusCode.Unauthorized, "unauthenticated");
        client.DefaultRequestHeaders.Authorization = new("Bearer", await system.TokenAsync("accepts-xml", "shopper"));
        await BadInputTests.AssertProblemAsync(await client.GetAsync("/api/admin/blocks"), HttpStatusCode.Forbidden, "forbidden");
        await BadInputTests.AssertProblemAsync(await client.GetAsync("/api/no/such/thing"), HttpStatusCode.NotFound, "not_found");
    }

    private async Task FuzzAsync(Func<FuzzRequests, Gen<FuzzRequest>> kind, Func<ApiOperation, bool> fuzzed, int cases)
    {
        using var client = system.Client();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var operations = await ApiOperation.ReadAllAsync(client);
        var targets = await FuzzTargets.CreateAsync(system);
        var property = new RefusalProperty(client, system.Database, targets);
        await property.StartAsync();

        // One at a time: each request is judged against the tables as the one before left them.
        await kind(new FuzzRequests(operations, targets)).SampleAsync(property.CheckAsync, iter: cases, threads: 1, writeLine: output.WriteLine);

        // Every operation of the kind is drawn, so the run says something about each: those the random draw
        // missed (more likely as the API grows) get draws of their own.
        List<ApiOperation> Missed() =>
            [.. operations.Where(fuzzed).Where(o => !property.Reached.Keys.Any(k => k.StartsWith(o + " ", StringComparison.Ordinal)))];
        var missed = Missed();
        for (var round = 0; round < 5 && missed.Count > 0; round++)
        {
            await kind(new FuzzRequests(missed, targets)).SampleAsync(property.CheckAsync, iter: missed.Count * 4, threads: 1, writeLine: output.WriteLine);
            missed = Missed();
        }

        foreach (var (reached, count) in property.Reached.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{count,5} {reached}");
        }

        Assert.True(missed.Count == 0, "never reached: " + string.Join(", ", missed));
    }
}
