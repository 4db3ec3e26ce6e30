using FlashSale.Api.Risk.Signals;
using FlashSale.GrainInterfaces.Risk;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace FlashSale.UnitTests.Risk;

/// <summary>An API node's own counts, and what it reports to the cluster's activity shards.</summary>
public sealed class LocalActivityTests
{
    private static readonly Guid Campaign = Guid.NewGuid();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 11, 0, 0, 0, TimeSpan.Zero));

    private static RequestFingerprint From(string agent)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.UserAgent = agent;
        context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse("203.0.113.7");
        return RequestFingerprint.Of(context.Request);
    }

    [Fact]
    public void A_farm_rotating_device_ids_behind_one_fingerprint_is_counted_at_once_on_the_node()
    {
        var activity = new LocalActivity(_clock);
        ClaimSignals last = null!;
        for (var i = 0; i < 5; i++)
        {
            last = activity.Observe(Campaign, null, $"farm-{i}", $"rotated-{i}", From("FarmBot/1.0"));
        }

        Assert.Equal((5, 5, 5), (last[RiskSignals.FingerprintAccounts], last[RiskSignals.FingerprintDevices], last[RiskSignals.FingerprintClaimsPerMinute]));
        Assert.Equal(5, last[RiskSignals.PrefixAccounts]);
        var person = activity.Observe(Campaign, null, "person", "phone", From("Mozilla/5.0 (iPhone) Mobile Safari"));
        Assert.Equal((1, 6), (person[RiskSignals.FingerprintAccounts], person[RiskSignals.PrefixAccounts]));
        Assert.Equal(3, person[RiskSignals.MissingBrowserHeaders]);
    }

    [Fact]
    public void One_claim_shoppers_and_devices_stay_on_the_node_until_they_are_worth_counting_cluster_wide()
    {
        var activity = new LocalActivity(_clock);
        activity.Observe(Campaign, null, "once", "phone-1", From("Mozilla/5.0"));
        var reports = activity.TakeReports();
        Assert.Equal([SubjectKind.Fingerprint, SubjectKind.Prefix], reports.Select(r => r.Kind).Order());

        // A second claim from another device: the shopper is reported, with everything since the first.
        _clock.Advance(TimeSpan.FromSeconds(1));
        activity.Observe(Campaign, null, "once", "phone-2", From("Mozilla/5.0"));
        var shopper = Assert.Single(activity.TakeReports(), r => r.Kind == SubjectKind.Shopper);
        Assert.Equal((2, 2), (shopper.Claims, shopper.Devices.Length));
    }

    [Fact]
    public void The_cluster_s_counts_raise_the_node_s_and_a_request_that_is_no_claim_counts_nothing()
    {
        var activity = new LocalActivity(_clock);
        var fingerprint = From("FarmBot/1.0");
        activity.Observe(Campaign, null, "farm-0", "d-0", fingerprint);
        activity.TakeReports();
        activity.Learn([new ActivityCounts(SubjectKind.Fingerprint, fingerprint.Fingerprint, Accounts: 40, Devices: 40, ClaimsPerMinute: 40, 0,
            _clock.GetUtcNow())]);

        var peeked = activity.Peek("farm-0", "d-0", fingerprint);
        Assert.Equal((40, 40), (peeked[RiskSignals.FingerprintAccounts], peeked[RiskSignals.FingerprintClaimsPerMinute]));
        Assert.Equal(40, activity.Peek("farm-0", "d-0", fingerprint)[RiskSignals.FingerprintClaimsPerMinute]);
        Assert.Equal(0, activity.Peek("stranger", "d-9", From("Other/1.0"))[RiskSignals.FingerprintAccounts]);
    }
}
