using CsCheck;
using FlashSale.Api.Risk.Signals;
using FlashSale.GrainInterfaces.Risk;

namespace FlashSale.UnitTests.Risk;

/// <summary>A generation of first sightings behaves as a dictionary would, through growth, removals and reuse.</summary>
public sealed class SightingTableTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 11, 0, 0, 0, TimeSpan.Zero);

    // Few enough subjects that reads and removals often find one, while adding and removing them again (each addition
    // takes an entry) grows the table past its first arrays; ids of several scripts, and two kinds sharing the values.
    private static readonly string[] Values = [.. Enumerable.Range(0, 200).Select(i => (i % 4) switch
    {
        0 => $"shopper-{i}",
        1 => $"买家-{i}",
        2 => $"203.0.{i % 256}.0/24",
        _ => new string('d', 1 + (i % 128)),
    })];

    private enum Op
    {
        Add,
        Get,
        Remove,
        Clear,
    }

    [Fact]
    public void Every_sequence_of_adds_reads_removals_and_clears_agrees_with_a_dictionary()
    {
        var ops = Gen.Select(Gen.Frequency((600, Gen.Const(Op.Add)), (400, Gen.Const(Op.Get)), (300, Gen.Const(Op.Remove)), (1, Gen.Const(Op.Clear))),
            Gen.Int[0, Values.Length - 1], Gen.OneOf(SubjectKind.Shopper, SubjectKind.Device), Gen.Int[0, 3], (op, value, kind, ids) => (op, value, kind, ids)).Array[3_000];
        ops.Sample(sequence =>
        {
            var table = new SightingTable();
            var model = new Dictionary<(SubjectKind, string), Sighting>();
            for (var step = 0; step < sequence.Length; step++)
            {
                var (op, value, kind, ids) = sequence[step];
                var key = (kind, Values[value]);
                var sighting = new Sighting(Start.AddTicks(step), (ids & 1) == 0 ? null : Values[(value + 1) % Values.Length],
                    (ids & 2) == 0 ? null : Values[(value + 2) % Values.Length]);
                switch (op)
                {
                    case Op.Add:
                        Assert.Equal(model.TryAdd(key, sighting), table.TryAdd(key, sighting));
                        break;
                    case Op.Get:
                        Assert.Equal((model.TryGetValue(key, out var expected), expected), (table.TryGet(key, out var got), got));
                        break;
                    case Op.Remove:
                        Assert.Equal((model.Remove(key, out var removed), removed), (table.Remove(key, out var taken), taken));
                        break;
                    case Op.Clear:
                        model.Clear();
                        table.Clear();
                        break;
                }

                Assert.Equal(model.Count, table.Count);
            }
        }, iter: 200);
    }

    [Fact]
    public void Removed_sightings_still_count_towards_what_the_generation_has_taken()
    {
        var table = new SightingTable();
        Assert.True(table.TryAdd((SubjectKind.Device, "phone"), new Sighting(Start, "shopper", null)));
        Assert.True(table.Remove((SubjectKind.Device, "phone"), out _));
        Assert.True(table.TryAdd((SubjectKind.Device, "phone"), new Sighting(Start, "shopper", null)));
        Assert.Equal((1, 2), (table.Count, table.Added));

        table.Clear();
        Assert.Equal((0, 0), (table.Count, table.Added));
        Assert.False(table.Contains((SubjectKind.Device, "phone")));
    }
}
