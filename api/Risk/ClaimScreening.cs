using System.Globalization;
using FlashSale.Api.Problems;
using FlashSale.GrainInterfaces.Gates;
using FlashSale.GrainInterfaces.Risk;

namespace FlashSale.Api.Risk;

/// <summary>
/// What the API node checks before a claim goes to its campaign: the blocklist (refuses), and the
/// flags it can see from here (never refuse). Both are audited.
/// </summary>
public sealed class ClaimScreening(LocalBlocklist blocklist, CampaignFetches fetches, RiskAuditRecorder audit,
    Microsoft.Extensions.Options.IOptions<RiskFlagSettings> settings)
{
    /// <summary>A refusal for a blocked shopper, device or address; null to go on.</summary>
    public IResult? Screen(HttpContext context, Guid campaignId, string shopperId, string deviceId, CampaignGate? gate, DateTimeOffset now)
    {
        var address = context.Connection.RemoteIpAddress;
        if (Blocked(context, campaignId, shopperId, deviceId, route: null) is { } refused)
        {
            return refused;
        }

        if (gate is not null && now >= gate.StartsAt && now - gate.StartsAt < settings.Value.InstantClaimWindow
            && !fetches.Fetched(campaignId, deviceId))
        {
            var after = (now - gate.StartsAt).TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);
            audit.Record(RiskVerdict.Flagged, RiskRules.InstantClaimWithoutFetch, campaignId, shopperId, deviceId, address?.ToString(),
                $$"""{"millisecondsAfterOpening":{{after}},"fetchedCampaign":false}""");
        }

        return null;
    }

    /// <summary>
    /// A refusal for a blocked shopper, device or address, audited with the campaign (or
    /// <see cref="Guid.Empty"/> on wallet routes, with the route named); null to go on.
    /// </summary>
    public IResult? Blocked(HttpContext context, Guid campaignId, string shopperId, string deviceId, string? route)
    {
        var address = context.Connection.RemoteIpAddress;
        if (blocklist.Match(shopperId, deviceId, address) is not { } block)
        {
            return null;
        }

        var rule = block.Kind switch
        {
            BlockKind.Shopper => RiskRules.BlockedShopper,
            BlockKind.Device => RiskRules.BlockedDevice,
            _ => RiskRules.BlockedAddress,
        };
        var details = route is null ? $$"""{"blockId":"{{block.Id}}"}""" : $$"""{"blockId":"{{block.Id}}","route":"{{route}}"}""";
        audit.Record(RiskVerdict.Refused, rule, campaignId, shopperId, deviceId, address?.ToString(), details);
        // Nothing about which block, why or until when: that would help the one being blocked.
        return Problem.Of(StatusCodes.Status403Forbidden, "risk_blocked", "This request was refused.");
    }
}

/// <summary>
/// Blocks hold on every shopper route that moves value (redeem, checkout, transfer, points), not
/// only on claims: a blocked account cannot cash in or pass on what it already holds.
/// </summary>
public sealed class BlockedShoppersRefused(ClaimScreening screening) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var device = http.Request.Headers[Claims.ClaimHeaders.DeviceId].FirstOrDefault() ?? "";
        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        return screening.Blocked(http, Guid.Empty, http.User.FindFirst(Identity.Authentication.SubjectClaim)?.Value ?? "", device, route) is { } refused
            ? refused
            : await next(context);
    }
}
