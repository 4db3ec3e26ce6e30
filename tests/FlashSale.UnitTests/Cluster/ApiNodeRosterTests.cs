using FlashSale.GrainInterfaces.Cluster;
using FlashSale.Grains.Cluster;
using Microsoft.Extensions.Time.Testing;

namespace FlashSale.UnitTests.Cluster;

public sealed class ApiNodeRosterTests
{
    private static ApiNodeBeat Beat(string name) => new(name, "http://127.0.0.1:5000", DateTimeOffset.UnixEpoch, "1.0");

    [Fact]
    public void A_node_is_up_until_three_beats_are_missed_then_down_then_forgotten_after_an_hour()
    {
        var clock = new FakeTimeProvider();
        var roster = new ApiNodeRoster(clock);
        roster.Heard(Beat("api-b"));
        roster.Heard(Beat("api-a"));
        Assert.Equal(["api-a", "api-b"], roster.Now().Select(n => n.Node.Name).ToArray());
        Assert.All(roster.Now(), n => Assert.True(n.Up));

        clock.Advance(ApiNodeStatus.DownAfter);
        roster.Heard(Beat("api-a"));
        Assert.Equal([true, true], roster.Now().Select(n => n.Up));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([true, false], roster.Now().Select(n => n.Up));

        clock.Advance(ApiNodeRoster.ForgetAfter);
        Assert.Empty(roster.Now());
    }

    [Fact]
    public void A_restarted_node_is_a_new_name_and_the_beat_it_sent_last_is_what_shows()
    {
        var clock = new FakeTimeProvider();
        var roster = new ApiNodeRoster(clock);
        roster.Heard(Beat("host/1") with { Address = "old" });
        roster.Heard(Beat("host/1") with { Address = "new" });
        Assert.Equal("new", Assert.Single(roster.Now()).Node.Address);
    }
}
