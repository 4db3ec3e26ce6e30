using System.Collections.Concurrent;
using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Gates;

namespace FlashSale.Api.Gates;

/// <summary>
/// This node's copy of the campaigns' gates, fed by the grains' pushes and by the refusals they
/// return, so that claims on a sold-out, ended or not-yet-open campaign are refused here without
/// a grain call. A gate is trusted for a second only (<see cref="CampaignGate.TrustedFor"/>): a push
/// this node missed cannot keep it refusing claims for long, and the grain holds back admissions
/// that a gate it handed out within that time would refuse.
/// </summary>
public sealed class LocalGates(TimeProvider clock, UnknownCampaigns unknown)
{
    private readonly ConcurrentDictionary<Guid, (CampaignGate Gate, long LearnedAt)> _gates = new();

    public CampaignGate? For(Guid campaignId)
    {
        if (!_gates.TryGetValue(campaignId, out var entry))
        {
            return null;
        }

        // Kept when no longer trusted: the same gate sent back again (without its holders) is trusted anew with them.
        return clock.GetElapsedTime(entry.LearnedAt) > CampaignGate.TrustedFor ? null : entry.Gate;
    }

    /// <summary>The gate this node holds for the campaign, trusted or not.</summary>
    public CampaignGate? Held(Guid campaignId) => _gates.TryGetValue(campaignId, out var entry) ? entry.Gate : null;

    public void Learn(CampaignGate gate)
    {
        unknown.Forget(gate.CampaignId);
        var learnedAt = clock.GetTimestamp();
        _gates.AddOrUpdate(gate.CampaignId, (gate, learnedAt),
            (_, known) => gate.Version > known.Gate.Version ? (gate, learnedAt)
                : gate.Version < known.Gate.Version ? known
                // The same gate again, as refusals send it, without the holders this node has: trusted anew.
                : (gate.Holders is null && known.Gate.Holders is not null ? known.Gate : gate, learnedAt));
    }

    /// <summary>
    /// Drops this node's copy of a campaign's gates (and its batches' or variants') after marketing
    /// changed it through this node: the next claim asks the grain, rather than being judged by the
    /// old gate until the grain's push arrives.
    /// </summary>
    public void Forget(CampaignView changed)
    {
        _gates.TryRemove(changed.Definition.Id, out _);
        foreach (var unit in changed.Definition.Units.IsDefault ? [] : changed.Definition.Units)
        {
            _gates.TryRemove(unit.CampaignId, out _);
        }
    }
}
