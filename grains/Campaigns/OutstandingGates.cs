using FlashSale.GrainInterfaces.Gates;

namespace FlashSale.Grains.Campaigns;

/// <summary>
/// The gates a campaign grain has handed to API nodes, each kept for as long as a node may still act
/// on it (<see cref="CampaignGate.HonoredFor"/>). A node refuses claims on its copy without asking
/// the grain, judging replays by the holders the gate lists; so after a resume, a top-up or an edited
/// window, a claim the grain admitted at once could be refused when replayed through a node that has
/// not heard yet. The grain asks here before admitting, and holds the claim until no such gate is left.
/// </summary>
internal sealed class OutstandingGates
{
    private readonly List<(CampaignGate Gate, DateTimeOffset HonoredUntil)> _gates = [];

    public void HandedOut(CampaignGate gate, DateTimeOffset now)
    {
        var until = now + CampaignGate.HonoredFor;
        // The same gate is handed out with every refusal: one entry, its time moved on.
        if (_gates.Count > 0 && ReferenceEquals(_gates[^1].Gate, gate))
        {
            _gates[^1] = (gate, until);
            return;
        }

        _gates.RemoveAll(entry => entry.HonoredUntil <= now);
        _gates.Add((gate, until));
    }

    /// <summary>Until when some node may still refuse this claim on a gate of ours; null when none would.</summary>
    public DateTimeOffset? RefusingUntil(string shopperId, string? tier, DateTimeOffset now)
    {
        DateTimeOffset? latest = null;
        foreach (var (gate, until) in _gates)
        {
            if (until > now && gate.RefusalFor(shopperId, tier, now) is not null && (latest is null || until > latest))
            {
                latest = until;
            }
        }

        return latest;
    }
}
