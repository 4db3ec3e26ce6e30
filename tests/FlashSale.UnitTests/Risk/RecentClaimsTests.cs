using FlashSale.Api.Risk.Signals;
using FlashSale.GrainInterfaces.Risk;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace FlashSale.UnitTests.Risk;

/// <summary>The claims a dry run judges: the latest ones, each whole, never one claim's signals under another's ids.</summary>
public sealed class RecentClaimsTests
{
    private static readonly RequestFingerprint Request = RequestFingerprint.Of(new DefaultHttpContext().Request);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 11, 0, 0, 0, TimeSpan.Zero));

    // Ids as long as they may be (128 characters): the ring of ids then wraps before the slots do.
    private static string Padded(string id, bool longIds) => longIds ? id.PadRight(128, '买') : id;

    private ClaimSignals Claim(int i, bool longIds = false)
    {
        var claim = new ClaimSignals(Guid.Empty, null, Padded($"shopper-{i}", longIds), Padded($"device-{i}", longIds), Request,
            _clock.GetUtcNow().AddTicks(i));
        claim[RiskSignals.ShopperClaimsPerMinute] = i;
        claim[RiskSignals.FetchedCampaign] = i % 2;
        return claim;
    }

    [Fact]
    public void The_latest_claims_are_kept_oldest_first_with_their_signals()
    {
        var recent = new RecentClaims(_clock);
        for (var i = 0; i < RecentClaims.Capacity + 10; i++)
        {
            recent.Add(Claim(i));
        }

        var kept = recent.Snapshot();
        Assert.Equal(RecentClaims.Capacity, kept.Count);
        Assert.Equal(("shopper-10", "device-10", 10.0, 0.0),
            (kept[0].ShopperId, kept[0].DeviceId, kept[0][RiskSignals.ShopperClaimsPerMinute], kept[0][RiskSignals.FetchedCampaign]));
        Assert.Equal($"shopper-{RecentClaims.Capacity + 9}", kept[^1].ShopperId);

        _clock.Advance(RecentClaims.Memory + TimeSpan.FromSeconds(1));
        Assert.Empty(recent.Snapshot());
    }

    [Fact]
    public void With_long_ids_the_oldest_claims_whose_ids_were_overwritten_are_left_out()
    {
        var recent = new RecentClaims(_clock);
        for (var i = 0; i < RecentClaims.Capacity; i++)
        {
            recent.Add(Claim(i, longIds: true));
        }

        var kept = recent.Snapshot();
        Assert.InRange(kept.Count, RecentClaims.Capacity / 10, RecentClaims.Capacity / 2);
        Assert.All(kept, claim => Assert.Equal(Padded($"shopper-{claim[RiskSignals.ShopperClaimsPerMinute]}", longIds: true), claim.ShopperId));
        Assert.Equal(Padded($"device-{RecentClaims.Capacity - 1}", longIds: true), kept[^1].DeviceId);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_dry_run_during_claims_sees_each_claim_whole(bool longIds)
    {
        var recent = new RecentClaims(_clock);
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 2).Select(w => Task.Run(() =>
        {
            for (var i = w; !stop.IsCancellationRequested; i += 2)
            {
                recent.Add(Claim(i % 1_000_000, longIds));
            }
        })).ToArray();

        var judged = 0;
        while (judged < 500_000)
        {
            foreach (var claim in recent.Snapshot())
            {
                Assert.Equal(Padded($"shopper-{claim[RiskSignals.ShopperClaimsPerMinute]}", longIds), claim.ShopperId);
                judged++;
            }
        }

        await stop.CancelAsync();
        await Task.WhenAll(writers);
    }
}
