using FlashSale.Api.Risk.Signals;
using FlashSale.GrainInterfaces.Risk;

namespace FlashSale.UnitTests.Risk;

/// <summary>Subjects seen once: kept a span at least while they fit, and never more than two generations' worth.</summary>
public sealed class FirstSightingsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 11, 0, 0, 0, TimeSpan.Zero);

    private static long Shopper(int i) => IdHash.Of(SubjectKind.Shopper, $"shopper-{i}");

    private static long Id(string id) => IdHash.Of(id);

    [Fact]
    public void A_full_generation_starts_the_next_and_the_one_before_it_is_dropped()
    {
        var sightings = new FirstSightings(capacity: 3, span: TimeSpan.FromMinutes(5));
        for (var i = 0; i < 7; i++)
        {
            Assert.True(sightings.TryAdd(Shopper(i), new Sighting(Start, Id($"shopper-{i}"), null)));
        }

        // 0-2 filled a generation, 3-5 the next (dropping none), 6 started a third: 0-2 are gone.
        Assert.Equal(4, sightings.Count);
        Assert.False(sightings.TryGet(Shopper(2), out _));
        Assert.True(sightings.TryGet(Shopper(3), out var kept));
        Assert.Equal(Id("shopper-3"), kept.Shopper);
        Assert.True(sightings.Remove(Shopper(6), out _));
        Assert.False(sightings.TryGet(Shopper(6), out _));
    }

    [Fact]
    public void A_sighting_is_kept_for_a_span_at_least_and_two_at_most()
    {
        var sightings = new FirstSightings(capacity: 1_000, span: TimeSpan.FromMinutes(5));
        sightings.TryAdd(Shopper(0), new Sighting(Start, null, Id("phone")));
        sightings.TryAdd(Shopper(1), new Sighting(Start.AddMinutes(4), null, Id("phone")));
        sightings.TryAdd(Shopper(2), new Sighting(Start.AddMinutes(6), null, Id("phone")));
        Assert.True(sightings.TryGet(Shopper(0), out _));

        sightings.TryAdd(Shopper(3), new Sighting(Start.AddMinutes(11), null, Id("phone")));
        Assert.False(sightings.TryGet(Shopper(0), out _));
        Assert.False(sightings.TryGet(Shopper(1), out _));
        Assert.True(sightings.TryGet(Shopper(2), out _));
    }

    [Fact]
    public void A_subject_already_sighted_keeps_its_first_sighting_in_either_generation()
    {
        var sightings = new FirstSightings(capacity: 2, span: TimeSpan.FromMinutes(5));
        Assert.True(sightings.TryAdd(Shopper(0), new Sighting(Start, Id("first"), null)));
        Assert.False(sightings.TryAdd(Shopper(0), new Sighting(Start.AddSeconds(1), Id("again"), null)));
        Assert.True(sightings.TryAdd(Shopper(1), new Sighting(Start.AddSeconds(2), Id("other"), null)));

        // A full generation: shopper 0 is in the previous one now, and still not sighted twice.
        Assert.True(sightings.TryAdd(Shopper(2), new Sighting(Start.AddSeconds(3), Id("other"), null)));
        Assert.False(sightings.TryAdd(Shopper(0), new Sighting(Start.AddSeconds(4), Id("again"), null)));
        Assert.True(sightings.TryGet(Shopper(0), out var kept));
        Assert.Equal((Id("first"), Start), (kept.Shopper, kept.At));
    }
}
