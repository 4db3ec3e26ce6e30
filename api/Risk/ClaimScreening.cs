using System.Globalization;
using System.Text;
using FlashSale.Api.Problems;
using FlashSale.Api.Risk.Rules;
using FlashSale.Api.Risk.Signals;
using FlashSale.GrainInterfaces.Risk;

namespace FlashSale.Api.Risk;

/// <summary>
/// What the API node checks before a claim goes to its campaign: the blocklist, then the operators' rules
/// over the signals the server worked out (<see cref="LocalActivity"/>). A deny or a challenge is on record
/// in the audit before the claim hears it; flags and dry runs are recorded on the way (best effort).
/// </summary>
public sealed class ClaimScreening(LocalBlocklist blocklist, CampaignFetches fetches, RiskAuditRecorder audit, IClusterClient cluster,
    LocalActivity activity, RecentClaims recent, RiskEngine engine, Escalation escalation, ClaimChallenges challenges,
    Microsoft.Extensions.Options.IOptions<RiskFlagSettings> settings)
{
    /// <summary>A refusal (blocked, denied, or a proof of work to make first); null to go on.</summary>
    /// <param name="opensAt">When the sale opens for this shopper (early access included); null when the campaign does not say.</param>
    public async ValueTask<IResult?> ScreenAsync(HttpContext context, Guid campaignId, Guid? groupId, string shopperId, string deviceId,
        string idempotencyKey, DateTimeOffset? opensAt, DateTimeOffset now)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var refused = await JudgeAsync(context, campaignId, groupId, shopperId, deviceId, idempotencyKey, opensAt, now);
        ScreeningMetrics.Screened(started, stopped: refused is not null);
        return refused;
    }

    private async ValueTask<IResult?> JudgeAsync(HttpContext context, Guid campaignId, Guid? groupId, string shopperId, string deviceId,
        string idempotencyKey, DateTimeOffset? opensAt, DateTimeOffset now)
    {
        var request = RequestFingerprint.Of(context.Request);
        var address = context.Connection.RemoteIpAddress?.ToString();
        if (Blocked(context, campaignId, shopperId, deviceId, request.Fingerprint, route: null) is { } refused)
        {
            return refused;
        }

        var fetched = fetches.Fetched(campaignId, deviceId) || (groupId is { } group && fetches.Fetched(group, deviceId));
        var signals = activity.Observe(campaignId, groupId, shopperId, deviceId, request, idempotencyKey);
        // Not knowing the opening reads as long after it: no rule about the first moments applies.
        signals[RiskSignals.MillisecondsSinceOpening] = opensAt is { } opening ? (now - opening).TotalMilliseconds : 1e9;
        signals[RiskSignals.FetchedCampaign] = fetched ? 1 : 0;
        recent.Add(signals);

        if (opensAt is { } opened && now >= opened && now - opened < settings.Value.InstantClaimWindow && !fetched)
        {
            var after = (now - opened).TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);
            audit.Record(RiskVerdict.Flagged, RiskRules.InstantClaimWithoutFetch, campaignId, shopperId, deviceId, address,
                $$"""{"millisecondsAfterOpening":{{after}},"fetchedCampaign":false}""", request.Fingerprint);
        }

        var judgement = engine.Judge(signals);
        foreach (var rule in judgement.WouldMatch)
        {
            audit.Record(RiskVerdict.DryRun, rule.Name, campaignId, shopperId, deviceId, address, Evidence(rule, signals), request.Fingerprint);
        }

        var score = judgement.Score;
        var unsolved = judgement.Action == RuleAction.Challenge ? challenges.Passed(context, signals, idempotencyKey, judgement.Difficulty, now) : null;
        if (judgement.Action == RuleAction.Challenge && unsolved is null)
        {
            // Solved: the work was the challenge rules' price, and the claim sent again is not scored twice for them.
            score -= judgement.Matched.Where(r => r.Action == RuleAction.Challenge).Sum(r => r.Score);
        }

        if (score > 0)
        {
            escalation.Check(signals, activity.Score(signals, score), judgement);
        }

        switch (judgement.Action)
        {
            case RuleAction.Deny:
                await RecordDurablyAsync(RiskVerdict.Refused, judgement.Deciding!, signals, address);
                return Problem.Of(StatusCodes.Status403Forbidden, "risk_denied", "This request was refused.");
            case RuleAction.Challenge when unsolved is not null:
                await RecordDurablyAsync(RiskVerdict.Challenged, judgement.Deciding!, signals, address);
                return unsolved;
            case RuleAction.Flag:
                var flagging = judgement.Deciding!;
                audit.Record(RiskVerdict.Flagged, flagging.Name, campaignId, shopperId, deviceId, address, Evidence(flagging, signals), request.Fingerprint);
                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// What a route that moves value (a use, a checkout, a gift, a payment, a points card) is checked by: the
    /// blocklist, and the global rules' <c>deny</c> over what the subjects' claims say about them (counting
    /// nothing). A challenge is asked on claims only: these routes let the request through.
    /// </summary>
    public async ValueTask<IResult?> ScreenRouteAsync(HttpContext context, string shopperId, string deviceId, string? route)
    {
        var request = RequestFingerprint.Of(context.Request);
        if (Blocked(context, Guid.Empty, shopperId, deviceId, request.Fingerprint, route) is { } refused)
        {
            return refused;
        }

        var signals = activity.Peek(shopperId, deviceId, request);
        // Nothing here is a sale's opening or a campaign to read first: rules about those must not act.
        signals[RiskSignals.MillisecondsSinceOpening] = 1e9;
        signals[RiskSignals.FetchedCampaign] = 1;
        var judgement = engine.Judge(signals);
        if (judgement.Action != RuleAction.Deny)
        {
            return null;
        }

        await RecordDurablyAsync(RiskVerdict.Refused, judgement.Deciding!, signals, context.Connection.RemoteIpAddress?.ToString(), route);
        return Problem.Of(StatusCodes.Status403Forbidden, "risk_denied", "This request was refused.");
    }

    /// <summary>
    /// A refusal for a blocked shopper, device, fingerprint or address, audited with the campaign (or
    /// <see cref="Guid.Empty"/> on wallet routes, with the route named); null to go on.
    /// </summary>
    public IResult? Blocked(HttpContext context, Guid campaignId, string shopperId, string deviceId, string? fingerprint, string? route)
    {
        var address = context.Connection.RemoteIpAddress;
        if (blocklist.Match(shopperId, deviceId, address, fingerprint) is not { } block)
        {
            return null;
        }

        var rule = block.Kind switch
        {
            BlockKind.Shopper => RiskRules.BlockedShopper,
            BlockKind.Device => RiskRules.BlockedDevice,
            BlockKind.Fingerprint => RiskRules.BlockedFingerprint,
            _ => RiskRules.BlockedAddress,
        };
        var details = route is null ? $$"""{"blockId":"{{block.Id}}"}""" : $$"""{"blockId":"{{block.Id}}","route":"{{route}}"}""";
        audit.Record(RiskVerdict.Refused, rule, campaignId, shopperId, deviceId, address?.ToString(), details, fingerprint);
        // Nothing about which block, why or until when: that would help the one being blocked.
        return Problem.Of(StatusCodes.Status403Forbidden, "risk_blocked", "This request was refused.");
    }

    private Task RecordDurablyAsync(RiskVerdict verdict, RiskRule rule, ClaimSignals signals, string? address, string? route = null) =>
        cluster.GetGrain<IRiskAuditGrain>(0).RecordDurably(
        [
            new RiskDecision(signals.At, verdict, rule.Name, signals.CampaignId, signals.ShopperId, signals.DeviceId, address, Evidence(rule, signals, route),
                Fingerprint: signals.Request.Fingerprint),
        ]);

    /// <summary>The rule (id and revision: names change) and every signal as the claim had them; the route when it was not a claim.</summary>
    private static string Evidence(RiskRule rule, ClaimSignals signals, string? route = null)
    {
        var json = new StringBuilder(512).Append(CultureInfo.InvariantCulture, $$"""{"ruleId":"{{rule.Id}}","revision":{{rule.Revision}},"action":"{{rule.Action.ToString().ToLowerInvariant()}}","signals":{""");
        for (var i = 0; i < ClaimSignals.Names.Length; i++)
        {
            json.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"\"{ClaimSignals.Names[i]}\":{Math.Round(signals.Values[i], 3)}");
        }

        json.Append("},\"prefix\":\"").Append(signals.Request.Prefix).Append('"');
        if (route is not null)
        {
            json.Append(",\"route\":\"").Append(route).Append('"');
        }

        return json.Append('}').ToString();
    }
}

/// <summary>
/// Blocks and global deny rules hold on every shopper route that moves value (redeem, checkout, transfer,
/// points, payments), not only on claims: a blocked or denied account, device or fingerprint cannot cash in
/// or pass on what it already holds.
/// </summary>
public sealed class BlockedShoppersRefused(ClaimScreening screening) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var device = http.Request.Headers[Claims.ClaimHeaders.DeviceId].FirstOrDefault() ?? "";
        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        var shopper = http.User.FindFirst(Identity.Authentication.SubjectClaim)?.Value ?? "";
        return await screening.ScreenRouteAsync(http, shopper, device, route) is { } refused ? refused : await next(context);
    }
}
