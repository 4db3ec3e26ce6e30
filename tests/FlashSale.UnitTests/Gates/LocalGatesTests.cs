using FlashSale.Api.Gates;
using FlashSale.GrainInterfaces.Claims;
using FlashSale.GrainInterfaces.Gates;
using Microsoft.Extensions.Time.Testing;

namespace FlashSale.UnitTests.Gates;

/// <summary>An API node's copy of the gates: trusted for a second after it learns one, never longer.</summary>
public sealed class LocalGatesTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 11, 20, 0, 0, TimeSpan.Zero));

    private CampaignGate SoldOut(Guid campaign, long version) =>
        new(campaign, version, _clock.GetUtcNow().AddMinutes(-5), _clock.GetUtcNow().AddHours(1), SoldOut: true, HolderFilter.Of(["holder"]));

    [Fact]
    public void A_gate_is_trusted_for_its_second_and_then_only_its_version_is_used()
    {
        var gates = new LocalGates(_clock, new UnknownCampaigns(_clock));
        var campaign = Guid.NewGuid();
        var gate = SoldOut(campaign, 1);
        gates.Learn(gate);

        _clock.Advance(CampaignGate.TrustedFor - TimeSpan.FromMilliseconds(1));
        Assert.Same(gate, gates.For(campaign));
        _clock.Advance(TimeSpan.FromMilliseconds(2));
        Assert.Null(gates.For(campaign));
        Assert.Same(gate, gates.Held(campaign));
    }

    [Fact]
    public void The_same_gate_sent_back_without_its_holders_keeps_the_holders_held_and_is_trusted_anew()
    {
        var gates = new LocalGates(_clock, new UnknownCampaigns(_clock));
        var campaign = Guid.NewGuid();
        var gate = SoldOut(campaign, 1);
        gates.Learn(gate);
        _clock.Advance(CampaignGate.TrustedFor * 2);

        gates.Learn(gate with { Holders = null });

        Assert.Same(gate, gates.For(campaign));
        // Still refusing strangers by itself, and still forwarding the holder's replays.
        Assert.Equal(ClaimOutcome.SoldOut, gates.For(campaign)!.RefusalFor("stranger", null, _clock.GetUtcNow()));
        Assert.Null(gates.For(campaign)!.RefusalFor("holder", null, _clock.GetUtcNow()));
    }

    [Fact]
    public void A_late_push_of_an_older_gate_does_not_replace_a_newer_one()
    {
        var gates = new LocalGates(_clock, new UnknownCampaigns(_clock));
        var campaign = Guid.NewGuid();
        var newer = SoldOut(campaign, 2);
        gates.Learn(newer);
        gates.Learn(SoldOut(campaign, 1));

        Assert.Same(newer, gates.For(campaign));
    }

    [Fact]
    public void Learning_a_campaigns_gate_forgets_that_it_was_unknown()
    {
        var unknown = new UnknownCampaigns(_clock);
        var gates = new LocalGates(_clock, unknown);
        var campaign = Guid.NewGuid();
        unknown.Remember(campaign);

        gates.Learn(SoldOut(campaign, 1));

        Assert.False(unknown.Contains(campaign));
    }
}
