using FlashSale.GrainInterfaces.Gates;
using FlashSale.Grains.Campaigns;

namespace FlashSale.UnitTests.Gates;

/// <summary>The grain's memory of the gates it handed out: it holds back exactly the claims a node could still refuse.</summary>
public sealed class OutstandingGatesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 11, 20, 0, 0, TimeSpan.Zero);

    private static CampaignGate Gate(bool paused = false, bool soldOut = false, params string[] holders) =>
        new(Guid.NewGuid(), Now.UtcTicks, Now.AddMinutes(-5), Now.AddHours(1), soldOut, HolderFilter.Of(holders), paused);

    [Fact]
    public void After_a_resume_a_new_claimant_waits_until_no_node_can_hold_the_paused_gate()
    {
        var outstanding = new OutstandingGates();
        outstanding.HandedOut(Gate(paused: true, holders: "holder"), Now);

        Assert.Equal(Now + CampaignGate.HonoredFor, outstanding.RefusingUntil("newcomer", null, Now.AddSeconds(1)));
        Assert.Null(outstanding.RefusingUntil("newcomer", null, Now + CampaignGate.HonoredFor));
    }

    [Fact]
    public void A_holder_the_gate_lists_is_never_held_back_since_nodes_send_its_claims_to_the_grain()
    {
        var outstanding = new OutstandingGates();
        outstanding.HandedOut(Gate(soldOut: true, holders: "holder"), Now);

        Assert.Null(outstanding.RefusingUntil("holder", null, Now.AddMilliseconds(500)));
    }

    [Fact]
    public void Handing_the_same_gate_out_again_keeps_to_it_for_longer()
    {
        var outstanding = new OutstandingGates();
        var paused = Gate(paused: true);
        outstanding.HandedOut(paused, Now);
        outstanding.HandedOut(paused, Now.AddSeconds(1));

        Assert.Equal(Now.AddSeconds(1) + CampaignGate.HonoredFor, outstanding.RefusingUntil("newcomer", null, Now.AddSeconds(2)));
    }

    [Fact]
    public void Gates_of_an_open_sale_hold_nobody_back()
    {
        var outstanding = new OutstandingGates();
        outstanding.HandedOut(Gate(), Now);

        Assert.Null(outstanding.RefusingUntil("newcomer", null, Now.AddMilliseconds(100)));
    }
}
