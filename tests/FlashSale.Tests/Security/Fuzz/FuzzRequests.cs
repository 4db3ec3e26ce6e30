using CsCheck;
using FlashSale.Tests.Security.Support;

namespace FlashSale.Tests.Security.Fuzz;

/// <summary>
/// Generators of requests to every operation of the OpenAPI document, one per kind of input: the
/// body, the path's ids, the query string and the headers. Each varies its own input and keeps the
/// others plausible, so that the varied one is what the API has to judge.
/// </summary>
public sealed class FuzzRequests(IReadOnlyList<ApiOperation> operations, FuzzTargets targets)
{
    private static readonly string[] ContentTypes =
    [
        "text/plain", "application/x-www-form-urlencoded", "application/json; charset=utf-16", "application/json; charset=\"bogus\"",
        "application/json-patch+json", "application/problem+json", "multipart/form-data; boundary=x", "APPLICATION/JSON", "application/xml", "*/*",
    ];

    public Gen<FuzzRequest> Bodies => Gen.OneOf([.. operations.Where(o => o.BodySchema is not null)]).SelectMany(operation =>
        Gen.Select(Caller(operation), Path(operation, hostile: 0), JsonBodies.Near(ValidBodies.For(operation, targets.Code)), ContentType(json: 12),
            ClaimHeaders(operation), (caller, path, body, contentType, headers) => new FuzzRequest(operation, caller, path, headers, body, contentType)));

    public Gen<FuzzRequest> Paths => Gen.OneOf([.. operations.Where(o => o.PathParameters.Count > 0)]).SelectMany(operation =>
        Gen.Select(Caller(operation), Path(operation, hostile: 3), ClaimHeaders(operation),
            (caller, path, headers) => Plain(operation, caller, path, headers)));

    public Gen<FuzzRequest> Queries => Gen.OneOf([.. operations]).SelectMany(operation =>
        Gen.Select(Caller(operation), Path(operation, hostile: 0), Query(operation), ClaimHeaders(operation),
            (caller, path, query, headers) => Plain(operation, caller, path + query, headers)));

    public Gen<FuzzRequest> Headers => Gen.OneOf([.. operations]).SelectMany(operation =>
        Gen.Select(Caller(operation), Path(operation, hostile: 0), StrangeHeaders(operation), ContentType(json: 3),
            (caller, path, headers, contentType) => Plain(operation, caller, path, headers) with { ContentType = contentType }));

    private FuzzRequest Plain(ApiOperation operation, string caller, string path, IReadOnlyList<(string, string)> headers) =>
        new(operation, caller, path, headers,
            operation.BodySchema is null ? null : System.Text.Encoding.UTF8.GetBytes(ValidBodies.For(operation, targets.Code).ToJsonString()),
            operation.BodySchema is null ? null : "application/json");

    /// <summary>Mostly a role the operation admits; now and then nobody, a wrong role, or a forged token.</summary>
    private static Gen<string> Caller(ApiOperation operation) => Gen.Frequency(
        (16, Gen.Const(operation.AdmittedRole ?? "nobody")),
        (2, Gen.OneOf([.. ApiOperation.AllRoles])),
        (1, Gen.Const("nobody")),
        (1, Gen.Const("forged")));

    /// <summary>Each path parameter a real id, a fresh one, or (by weight <paramref name="hostile"/>) a hostile string.</summary>
    private Gen<string> Path(ApiOperation operation, int hostile)
    {
        var parameters = operation.PathParameters.ToArray();
        var values = parameters.Select(name => Gen.Frequency(
        [
            (4, Gen.OneOf(targets.IdsFor(operation, name))),
            (1, Gen.Guid.Select(g => g.ToString())),
            .. hostile > 0 ? [(hostile, HostileValues.Text.Select(Escape))] : Array.Empty<(int, IGen<string>)>(),
        ]));
        return values.Aggregate(Gen.Const(Array.Empty<string>()), (all, next) => Gen.Select(all, next, (list, value) => (string[])[.. list, value]))
            .Select(chosen => operation.Path(name => chosen[Array.IndexOf(parameters, name)]));
    }

    /// <summary>The operation's own parameters (absent, plausible or hostile), strangers, and repeats.</summary>
    private Gen<string> Query(ApiOperation operation)
    {
        var names = operation.QueryParameters.Concat(["limit", "after", "unknown", "access_token"]).Distinct(StringComparer.Ordinal).ToArray();
        var pair = Gen.OneOf(names).SelectMany(name => Gen.Frequency(
                (3, Gen.OneOf(Plausible(name))),
                (3, HostileValues.Text))
            .Select(value => $"{Escape(name)}={Escape(value)}"));
        return pair.Array[0, 4].Select(pairs => pairs.Length == 0 ? "" : "?" + string.Join('&', pairs));
    }

    private string[] Plausible(string parameter) => parameter switch
    {
        "limit" => ["1", "20", "100"],
        "after" => ["", "MTIzOmFiYw"],
        "state" => ["open", "draft", "scheduled,open,paused,sold_out,ended", "ended"],
        "from" or "to" => [DateTimeOffset.UtcNow.ToString("O"), "2026-11-11T00:00:00+08:00"],
        "status" => ["available", "redeemed", "expired", "transferred"],
        "unread" => ["true", "false"],
        "batch" => ["b1", "b2"],
        "campaignId" => targets.Campaigns,
        "before" => ["1", "9223372036854775807"],
        "shopperId" => ["fuzz-shopper"],
        "deviceId" => ["fuzz-blocked-device"],
        "access_token" => [targets.Tokens["admin"]],
        _ => ["x"],
    };

    /// <summary>The claim's two headers, fresh and well formed, on claims; nothing elsewhere.</summary>
    private static Gen<IReadOnlyList<(string, string)>> ClaimHeaders(ApiOperation operation) =>
        !operation.Template.EndsWith("/claims", StringComparison.Ordinal)
            ? Gen.Const((IReadOnlyList<(string, string)>)Array.Empty<(string, string)>())
            : Gen.Select(Gen.Guid, Gen.OneOf("fuzz-device-1", "fuzz-device-2", "fuzz-blocked-device"),
                (key, device) => (IReadOnlyList<(string, string)>)[("Idempotency-Key", "fuzz-" + key.ToString("N")), ("X-Device-Id", device)]);

    private static Gen<IReadOnlyList<(string, string)>> StrangeHeaders(ApiOperation operation)
    {
        var names = new[] { "Idempotency-Key", "X-Device-Id", "Authorization", "X-Forwarded-For", "Accept", "Content-Encoding", "X-Unknown", "Cookie" };
        var header = Gen.Select(Gen.OneOf(names), Gen.Frequency(
            (3, HostileValues.HeaderText),
            (1, Gen.OneOf("Bearer", "Bearer ", "Basic YTpi", "Bearer a.b.c", "gzip", "1.2.3.4, 5.6.7.8", "application/xml", "fuzz-device-1"))),
            (name, value) => (name, value));
        return Gen.Select(ClaimHeaders(operation), header.Array[1, 4],
            (claim, strange) => (IReadOnlyList<(string, string)>)[.. claim.Where(c => strange.All(s => s.Item1 != c.Item1)), .. strange]);
    }

    private static Gen<string?> ContentType(int json) => Gen.Frequency(
        (json, Gen.Const<string?>("application/json")),
        (1, Gen.OneOf(ContentTypes).Select(c => (string?)c)),
        (1, Gen.Const((string?)null)));

    private static string Escape(string value)
    {
        try
        {
            return Uri.EscapeDataString(value);
        }
        catch (UriFormatException)
        {
            return "x";
        }
    }
}
