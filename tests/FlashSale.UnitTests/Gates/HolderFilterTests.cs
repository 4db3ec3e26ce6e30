using FlashSale.GrainInterfaces.Gates;

namespace FlashSale.UnitTests.Gates;

public sealed class HolderFilterTests
{
    [Fact]
    public void Every_holder_is_recognised_and_few_others_are()
    {
        var holders = Enumerable.Range(0, 50_000).Select(i => $"holder-{i}").ToList();
        var filter = HolderFilter.Of(holders);

        Assert.All(holders, h => Assert.True(filter.MayContain(h)));
        var falsePositives = Enumerable.Range(0, 50_000).Count(i => filter.MayContain($"stranger-{i}"));
        Assert.True(falsePositives < 50_000 * 0.05, $"{falsePositives} strangers of 50,000 look like holders");
    }

    [Fact]
    public void An_empty_filter_recognises_nobody()
    {
        Assert.False(HolderFilter.Of([]).MayContain("anyone"));
    }
}
