using CsCheck;
using FlashSale.GrainInterfaces.Risk;

namespace FlashSale.UnitTests.Risk;

/// <summary>One subject's counts: distinct ids capped, claims over a sliding minute, scores over ten.</summary>
public sealed class SubjectActivityTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 11, 0, 0, 0, TimeSpan.Zero);

    private static long Id(string id) => IdHash.Of(id);

    [Fact]
    public void Distinct_shoppers_and_devices_are_counted_once_each_up_to_the_cap()
    {
        var activity = new SubjectActivity(Start);
        Assert.True(activity.SawShopper(Id("a"), Start));
        Assert.False(activity.SawShopper(Id("a"), Start.AddSeconds(1)));
        for (var i = 0; i < SubjectActivity.MaxDistinct + 10; i++)
        {
            activity.SawDevice(Id($"d{i}"), Start);
        }

        Assert.Equal((1, SubjectActivity.MaxDistinct), (activity.Accounts, activity.Devices));
        Assert.False(activity.SawDevice(Id("one-too-many"), Start));
    }

    /// <summary>
    /// The ids are kept in place (two), in an array (a few) or in a table (many), and moved from one to the next as
    /// they grow: whatever the mix of new, repeated and forgotten ids, the subject counts what a plain table would.
    /// Each sample draws from its own number of ids, so that many stay in place or in the array throughout.
    /// </summary>
    [Fact]
    public void Distinct_ids_count_as_a_plain_table_would_in_place_in_a_few_and_among_many()
    {
        var steps = Gen.Int[1, 40].SelectMany(ids => Gen.Select(Gen.Int[0, ids], Gen.Int[0, 30], Gen.Int[0, 19]).Array[1, 200]);
        steps.Sample(steps =>
        {
            var activity = new SubjectActivity(Start);
            var model = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            var at = Start;
            foreach (var (id, seconds, roll) in steps)
            {
                at = at.AddSeconds(seconds);
                if (roll == 0)
                {
                    // Forgets what was quiet for a minute, as the prune would with a minute's memory.
                    activity.Prune(at, TimeSpan.FromMinutes(1));
                    foreach (var old in model.Where(seen => seen.Value < at - TimeSpan.FromMinutes(1)).ToList())
                    {
                        model.Remove(old.Key);
                    }

                    continue;
                }

                var shopper = $"s{id}";
                Assert.Equal(!model.ContainsKey(shopper), activity.SawShopper(Id(shopper), at));
                model[shopper] = at;
                Assert.Equal(model.Count, activity.Accounts);
            }

            Assert.All(Enumerable.Range(0, 41), id => Assert.Equal(model.ContainsKey($"s{id}"), activity.Counts(Id($"s{id}"))));
        });
    }

    [Fact]
    public void Claims_slide_out_of_the_minute_and_scores_out_of_ten()
    {
        var activity = new SubjectActivity(Start);
        activity.Claimed(30, Start.AddSeconds(10));
        activity.Claimed(30, Start.AddSeconds(50));
        Assert.Equal(60, activity.ClaimsPerMinute(Start.AddSeconds(59)));
        // Half-way through the next minute, half of the last one's still counts.
        Assert.Equal(30, activity.ClaimsPerMinute(Start.AddSeconds(90)));
        Assert.Equal(0, activity.ClaimsPerMinute(Start.AddMinutes(3)));

        activity.Scored(40, Start);
        activity.Scored(60, Start.AddMinutes(5));
        Assert.Equal(100, activity.Score(Start.AddMinutes(9)));
        Assert.Equal(0, activity.Score(Start.AddMinutes(25)));
    }

    [Fact]
    public void A_late_report_counts_in_the_window_it_belongs_to()
    {
        var activity = new SubjectActivity(Start);
        activity.Claimed(10, Start.AddSeconds(70));
        activity.Claimed(20, Start.AddSeconds(59));
        Assert.Equal(10 + 20, activity.ClaimsPerMinute(Start.AddSeconds(60)));
    }

    [Fact]
    public void Ids_quiet_for_the_memory_are_forgotten_and_the_subject_with_them()
    {
        var activity = new SubjectActivity(Start);
        activity.SawShopper(Id("old"), Start);
        activity.SawShopper(Id("new"), Start.AddHours(20));
        Assert.False(activity.Prune(Start.AddHours(25)));
        Assert.Equal(1, activity.Accounts);
        Assert.True(activity.Prune(Start.AddHours(45)));
    }

    [Fact]
    public void A_subject_seen_with_one_id_counts_refreshes_and_forgets_it_as_it_would_many()
    {
        var activity = new SubjectActivity(Start);
        Assert.True(activity.SawShopper(Id("only"), Start));
        Assert.False(activity.SawShopper(Id("only"), Start.AddHours(20)));
        activity.Prune(Start.AddHours(25));
        Assert.True(activity.Counts(Id("only")));
        Assert.Equal(1, activity.Accounts);

        Assert.True(activity.SawShopper(Id("second"), Start.AddHours(26)));
        Assert.True(activity.Counts(Id("only")) && activity.Counts(Id("second")));
        Assert.False(activity.SawShopper(Id("only"), Start.AddHours(27)));
        Assert.Equal(2, activity.Accounts);

        Assert.True(activity.SawDevice(Id("phone"), Start));
        activity.Prune(Start.AddHours(25));
        Assert.Equal(0, activity.Devices);
        Assert.True(activity.SawDevice(Id("phone"), Start.AddHours(26)));
        Assert.Equal(1, activity.Devices);
    }
}
