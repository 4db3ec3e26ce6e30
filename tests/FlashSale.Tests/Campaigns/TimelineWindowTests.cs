using FlashSale.Grains.Campaigns;

namespace FlashSale.Tests.Campaigns;

/// <summary>The span and buckets of a campaign's timeline, without a database.</summary>
[Trait("Tier", "Integration")]
public sealed class TimelineWindowTests
{
    private static readonly DateTimeOffset Opening = new(2026, 11, 11, 0, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void A_long_sale_widens_its_buckets_to_stay_within_the_limit()
    {
        var window = TimelineWindow.Of(Opening, Opening.AddSeconds(1), null, Opening.AddHours(2), null, Opening.AddHours(3), 600);
        Assert.Equal((Opening, Opening.AddHours(2), 12, 600), (window.From, window.To, window.BucketSeconds, window.Buckets));
    }

    [Fact]
    public void A_sell_out_closes_the_window_a_little_after_it_for_the_refusals_saved_late()
    {
        var window = TimelineWindow.Of(Opening, Opening.AddSeconds(0.5), Opening.AddSeconds(3), Opening.AddHours(2), null, Opening.AddMinutes(5), 600);
        Assert.Equal((Opening.AddSeconds(3) + TimelineWindow.AfterSellOut, 1, 13), (window.To, window.BucketSeconds, window.Buckets));
    }

    [Fact]
    public void An_early_access_claim_opens_the_window_and_a_sale_not_yet_open_has_no_buckets()
    {
        var early = TimelineWindow.Of(Opening, Opening.AddMinutes(-5), null, Opening.AddHours(2), Opening.AddMinutes(1), Opening.AddHours(3), 600);
        Assert.Equal((Opening.AddMinutes(-5), Opening.AddMinutes(1), 1, 360), (early.From, early.To, early.BucketSeconds, early.Buckets));
        Assert.Equal(0, TimelineWindow.Of(Opening, null, null, Opening.AddHours(2), null, Opening.AddMinutes(-1), 600).Buckets);
    }
}
