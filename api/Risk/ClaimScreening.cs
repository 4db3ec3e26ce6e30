using System.Globalization;
using FlashSale.Api.Problems;
using FlashSale.GrainInterfaces.Gates;
using FlashSale.GrainInterfaces.Risk;

namespace FlashSale.Api.Risk;

/// <summary>Configuration section <c>Risk</c> on API nodes.</summary>
public sealed class RiskFlagSettings
{
    /// <summary>A claim this soon after the opening, from a device that did not fetch the campaign, is flagged.</summary>
    public TimeSpan InstantClaimWindow { get; set; } = TimeSpan.FromMilliseconds(50);
}

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
        if (blocklist.Match(shopperId, deviceId, address) is { } block)
        {
            var rule = block.Kind switch
            {
                BlockKind.Shopper => RiskRules.BlockedShopper,
                BlockKind.Device => RiskRules.BlockedDevice,
                _ => RiskRules.BlockedAddress,
            };
            audit.Record(RiskVerdict.Refused, rule, campaignId, shopperId, deviceId, address?.ToString(), $$"""{"blockId":"{{block.Id}}"}""");
            // Nothing about which block, why or until when: that would help the one being blocked.
            return Problem.Of(StatusCodes.Status403Forbidden, "risk_blocked", "This request was refused.");
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
}
