namespace FlashSale.Grains.Campaigns;

/// <summary>
/// The span a campaign's timeline covers and how wide its buckets are: from the opening (or an early
/// access claim before it) to the sell-out, the end or now, whichever comes first, in whole seconds
/// widened until at most <c>maxBuckets</c> cover it.
/// </summary>
public sealed record TimelineWindow(DateTimeOffset From, DateTimeOffset To, int BucketSeconds, int Buckets)
{
    // Refusals reach the series when the grain saves them (every 5 s), so a sell-out's last refusals are
    // dated up to 5 s after it: the window runs on this long past a sell-out to take them in.
    public static readonly TimeSpan AfterSellOut = TimeSpan.FromSeconds(10);

    public static TimelineWindow Of(DateTimeOffset? startsAt, DateTimeOffset? firstIssuedAt, DateTimeOffset? soldOutAt, DateTimeOffset? endsAt,
        DateTimeOffset? closedAt, DateTimeOffset now, int maxBuckets)
    {
        var from = Earliest(startsAt, firstIssuedAt) ?? now;
        var to = Earliest(now, endsAt, closedAt, soldOutAt + AfterSellOut)!.Value;
        if (to <= from)
        {
            return new TimelineWindow(from, from, 1, 0);
        }

        var seconds = (to - from).TotalSeconds;
        var width = Math.Max(1, (int)Math.Ceiling(seconds / maxBuckets));
        return new TimelineWindow(from, to, width, (int)Math.Ceiling(seconds / width));
    }

    private static DateTimeOffset? Earliest(params DateTimeOffset?[] instants) => instants.Where(i => i is not null).Min();
}
