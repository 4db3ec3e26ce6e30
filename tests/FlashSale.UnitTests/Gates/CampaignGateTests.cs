using FlashSale.GrainInterfaces.Claims;
using FlashSale.GrainInterfaces.Gates;

namespace FlashSale.UnitTests.Gates;

/// <summary>What an API node may refuse on its copy of a gate, without asking the grain.</summary>
public sealed class CampaignGateTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 11, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = Start.AddHours(1);

    private static CampaignGate Built(DateTimeOffset at, bool soldOut = false, params string[] holders) =>
        new(Guid.NewGuid(), at.UtcTicks, Start, End, soldOut, HolderFilter.Of(holders));

    [Fact]
    public void A_gate_built_before_the_end_refuses_nobody_after_it_because_it_does_not_list_the_last_claimants()
    {
        var beforeEnd = Built(End.AddSeconds(-5), soldOut: false, "early-holder");

        Assert.Null(beforeEnd.RefusalFor("late-claimant", null, End.AddSeconds(1)));
    }

    [Fact]
    public void A_gate_built_after_the_end_refuses_strangers_and_sends_holders_to_the_grain()
    {
        var afterEnd = Built(End.AddSeconds(1), soldOut: false, "holder");

        Assert.Equal(ClaimOutcome.Ended, afterEnd.RefusalFor("stranger", null, End.AddSeconds(2)));
        Assert.Null(afterEnd.RefusalFor("holder", null, End.AddSeconds(2)));
    }

    [Fact]
    public void A_sold_out_gate_refuses_strangers_only()
    {
        var soldOut = Built(Start.AddMinutes(1), soldOut: true, "holder");

        Assert.Equal(ClaimOutcome.SoldOut, soldOut.RefusalFor("stranger", null, Start.AddMinutes(2)));
        Assert.Null(soldOut.RefusalFor("holder", null, Start.AddMinutes(2)));
    }

    [Fact]
    public void The_grain_keeps_to_a_gate_longer_than_any_node_trusts_it()
    {
        Assert.True(CampaignGate.HonoredFor > CampaignGate.TrustedFor);
    }
}
