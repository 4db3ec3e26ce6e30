using CsCheck;
using FlashSale.GrainInterfaces.Risk;

namespace FlashSale.UnitTests.Risk;

/// <summary>A subject's few values: two in place, then an array kept from then on, emptied or not.</summary>
public sealed class InPlaceListTests
{
    /// <summary>
    /// Whatever the mix of adds, truncations and takes, in place or past it, the list holds what a plain list would,
    /// in order.
    /// </summary>
    [Fact]
    public void Adds_truncations_and_takes_keep_what_a_plain_list_would_in_place_and_past_it()
    {
        // 0-5: add; 6: keep a random number of the first; 7: take all.
        var step = Gen.Select(Gen.Int[0, 7], Gen.Int[0, 10]);
        step.Array[1, 80].Sample(steps =>
        {
            var list = default(InPlaceList<string>);
            var model = new List<string>();
            var next = 0;
            foreach (var (operation, keep) in steps)
            {
                if (operation <= 5)
                {
                    var item = $"id-{next++}";
                    list.Add(item);
                    model.Add(item);
                }
                else if (operation == 6)
                {
                    var count = Math.Min(keep, model.Count);
                    list.Truncate(count);
                    model.RemoveRange(count, model.Count - count);
                }
                else
                {
                    Assert.Equal(model, list.Take(), StringComparer.Ordinal);
                    model.Clear();
                }

                Assert.Equal(model, list.Items.ToArray(), StringComparer.Ordinal);
                Assert.Equal(model.Count, list.Count);
            }
        });
    }
}
