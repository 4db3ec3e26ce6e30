using FlashSale.Api.Gates;
using Microsoft.Extensions.Time.Testing;

namespace FlashSale.UnitTests.Gates;

public sealed class UnknownCampaignsTests
{
    [Fact]
    public void A_campaign_heard_not_to_exist_is_remembered_briefly()
    {
        var clock = new FakeTimeProvider();
        var unknown = new UnknownCampaigns(clock);
        var campaign = Guid.NewGuid();
        unknown.Remember(campaign);

        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True(unknown.Contains(campaign));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(unknown.Contains(campaign));
    }
}
