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
            last = activity.Observe(Campaign, null, $"farm-{i}", $"rotated-{i}", From("FarmBot/1.0"), $"key-{i}");
        }

        Assert.Equal((5, 5, 5), (last[RiskSignals.FingerprintAccounts], last[RiskSignals.FingerprintDevices], last[RiskSignals.FingerprintClaimsPerMinute]));
        Assert.Equal(5, last[RiskSignals.PrefixAccounts]);
        var person = activity.Observe(Campaign, null, "person", "phone", From("Mozilla/5.0 (iPhone) Mobile Safari"), "key-p");
        Assert.Equal((1, 6), (person[RiskSignals.FingerprintAccounts], person[RiskSignals.PrefixAccounts]));
        Assert.Equal(3, person[RiskSignals.MissingBrowserHeaders]);
    }

    [Fact]
    public void Subjects_seen_once_stay_on_the_node_and_are_reported_with_everything_since_their_first_claim_once_seen_again()
    {
        var activity = new LocalActivity(_clock);
        var first = activity.Observe(Campaign, null, "once", "phone-1", From("Mozilla/5.0"), "key-1");
        Assert.Equal((1, 1, 0), (first[RiskSignals.ShopperClaimsPerMinute], first[RiskSignals.ShopperDevices], first[RiskSignals.ShopperAgeSeconds]));
        Assert.Empty(activity.TakeReports());
        Assert.Equal(0, activity.Counted);

        // A second claim from another device: the shopper, its fingerprint and range are counted in full and
        // reported, the first claim included; the new device id is itself seen once only.
        _clock.Advance(TimeSpan.FromSeconds(30));
        var second = activity.Observe(Campaign, null, "once", "phone-2", From("Mozilla/5.0"), "key-2");
        Assert.Equal((2, 2, 30), (second[RiskSignals.ShopperClaimsPerMinute], second[RiskSignals.ShopperDevices], second[RiskSignals.ShopperAgeSeconds]));
        var reports = activity.TakeReports();
        Assert.Equal([SubjectKind.Shopper, SubjectKind.Fingerprint, SubjectKind.Prefix], reports.Select(r => r.Kind).Order());
        var shopper = Assert.Single(reports, r => r.Kind == SubjectKind.Shopper);
        Assert.Equal((2, 2, _clock.GetUtcNow().AddSeconds(-30)), (shopper.Claims, shopper.DeviceHashes.Length, shopper.At));
        Assert.Equal([IdHash.Of("phone-1"), IdHash.Of("phone-2")], shopper.DeviceHashes.ToArray());

        // Reported once: nothing changed since, nothing to report.
        Assert.Empty(activity.TakeReports());
    }

    [Fact]
    public void A_sale_of_one_claim_shoppers_keeps_only_its_shared_subjects_in_full()
    {
        var activity = new LocalActivity(_clock);
        var browser = From("Mozilla/5.0");
        for (var i = 0; i < 10_000; i++)
        {
            activity.Observe(Campaign, null, $"shopper-{i}", $"phone-{i}", browser, $"key-{i}");
        }

        // One fingerprint and one range; ten thousand shoppers and devices seen once each.
        Assert.Equal(2, activity.Counted);
        var reports = activity.TakeReports();
        Assert.Equal(2, reports.Length);
        Assert.All(reports, r => Assert.Equal(10_000, r.Claims));
        Assert.Equal(SubjectActivity.MaxDistinct, reports.Single(r => r.Kind == SubjectKind.Fingerprint).Shoppers.Length);
    }

    [Fact]
    public void Each_report_names_the_ids_new_since_the_one_before_once_each()
    {
        var activity = new LocalActivity(_clock);
        var farm = From("FarmBot/1.0");
        foreach (var i in new[] { 0, 1, 2 })
        {
            activity.Observe(Campaign, null, $"farm-{i}", $"d-{i}", farm, $"key-{i}");
        }

        var first = Assert.Single(activity.TakeReports(), r => r.Kind == SubjectKind.Fingerprint);
        Assert.Equal(["farm-0", "farm-1", "farm-2"], first.Shoppers, StringComparer.Ordinal);
        Assert.Equal([IdHash.Of("d-0"), IdHash.Of("d-1"), IdHash.Of("d-2")], first.DeviceHashes.ToArray());

        // One shopper back, two new: only the new ones are news to the cluster; then one new alone.
        foreach (var i in new[] { 1, 3, 4 })
        {
            activity.Observe(Campaign, null, $"farm-{i}", $"d-{i}", farm, $"key-again-{i}");
        }

        var second = Assert.Single(activity.TakeReports(), r => r.Kind == SubjectKind.Fingerprint);
        Assert.Equal(["farm-3", "farm-4"], second.Shoppers, StringComparer.Ordinal);
        Assert.Equal([IdHash.Of("d-3"), IdHash.Of("d-4")], second.DeviceHashes.ToArray());
        Assert.Equal(3, second.Claims);
        activity.Observe(Campaign, null, "farm-5", "d-5", farm, "key-5");
        Assert.Equal(["farm-5"], Assert.Single(activity.TakeReports(), r => r.Kind == SubjectKind.Fingerprint).Shoppers, StringComparer.Ordinal);

        // More new ids in one second than ever before: two kept in place, the rest in an array grown for them.
        var many = Enumerable.Range(6, 6).ToArray();
        foreach (var i in many)
        {
            activity.Observe(Campaign, null, $"farm-{i}", $"d-{i}", farm, $"key-{i}");
        }

        var fourth = Assert.Single(activity.TakeReports(), r => r.Kind == SubjectKind.Fingerprint);
        Assert.Equal(many.Select(i => IdHash.Of($"d-{i}")), fourth.DeviceHashes);
        Assert.Equal(many.Select(i => $"farm-{i}"), fourth.Shoppers, StringComparer.Ordinal);
    }

    /// <summary>
    /// A node keeps strings only where it hands them on: a fingerprint's accounts (links to store, accounts escalation
    /// blocks), until they are forgotten with its counts. Shoppers' and devices' other ids are counted and reported by hash.
    /// </summary>
    [Fact]
    public void A_fingerprint_keeps_its_accounts_by_id_and_every_other_id_is_counted_and_reported_by_hash()
    {
        var activity = new LocalActivity(_clock);
        var farm = From("FarmBot/1.0");
        activity.Observe(Campaign, null, "farm-0", "d-0", farm, "key-0");
        Assert.Equal(["farm-0"], activity.AccountsOf(SubjectKind.Fingerprint, farm.Fingerprint), StringComparer.Ordinal);
        activity.Observe(Campaign, null, "farm-1", "d-1", farm, "key-1");
        activity.Observe(Campaign, null, "farm-0", "d-9", farm, "key-2");
        Assert.Equal(["farm-0", "farm-1"], activity.AccountsOf(SubjectKind.Fingerprint, farm.Fingerprint), StringComparer.Ordinal);
        Assert.Equal(["farm-0", "farm-1"], activity.AccountsOf(SubjectKind.Prefix, farm.Prefix), StringComparer.Ordinal);

        var reports = activity.TakeReports();
        var fingerprint = Assert.Single(reports, r => r.Kind == SubjectKind.Fingerprint);
        Assert.Equal(["farm-0", "farm-1"], fingerprint.Shoppers, StringComparer.Ordinal);
        Assert.Equal((0, 0), (fingerprint.ShopperHashes.Length, fingerprint.Devices.Length));
        Assert.Equal([IdHash.Of("d-0"), IdHash.Of("d-1"), IdHash.Of("d-9")], fingerprint.DeviceHashes.ToArray());
        var shopper = Assert.Single(reports, r => r.Kind == SubjectKind.Shopper);
        Assert.Equal((0, 0), (shopper.Shoppers.Length, shopper.Devices.Length));
        Assert.Equal([IdHash.Of("d-0"), IdHash.Of("d-9")], shopper.DeviceHashes.ToArray());

        // Ten minutes on, the account not seen since is forgotten by id as by count; one seen after it is news.
        _clock.Advance(TimeSpan.FromMinutes(6));
        activity.Observe(Campaign, null, "farm-1", "d-1", farm, "key-3");
        activity.TakeReports();
        _clock.Advance(TimeSpan.FromMinutes(5));
        activity.TakeReports();
        Assert.Equal(["farm-1"], activity.AccountsOf(SubjectKind.Fingerprint, farm.Fingerprint), StringComparer.Ordinal);
        var later = activity.Observe(Campaign, null, "farm-2", "d-2", farm, "key-4");
        Assert.Equal(2, later[RiskSignals.FingerprintAccounts]);
        Assert.Equal(["farm-2"], Assert.Single(activity.TakeReports(), r => r.Kind == SubjectKind.Fingerprint).Shoppers, StringComparer.Ordinal);
    }

    [Fact]
    public void A_score_counts_a_subject_seen_once_in_full_without_counting_its_claim_twice()
    {
        var activity = new LocalActivity(_clock);
        var claim = activity.Observe(Campaign, null, "farm-0", "d-0", From("FarmBot/1.0"), "key-0");
        var scores = activity.Score(claim, 40);
        Assert.All(scores, s => Assert.Equal(40, s.Score));
        var shopper = Assert.Single(activity.TakeReports(), r => r.Kind == SubjectKind.Shopper);
        Assert.Equal((1, 40), (shopper.Claims, shopper.Score));
    }

    [Fact]
    public void The_cluster_s_counts_raise_the_node_s_and_a_request_that_is_no_claim_counts_nothing()
    {
        var activity = new LocalActivity(_clock);
        var fingerprint = From("FarmBot/1.0");
        activity.Observe(Campaign, null, "farm-0", "d-0", fingerprint, "key-0");
        Assert.Equal(1, activity.Peek("farm-0", "d-0", fingerprint)[RiskSignals.FingerprintClaimsPerMinute]);
        activity.Observe(Campaign, null, "farm-1", "d-1", fingerprint, "key-1");
        activity.TakeReports();
        activity.Learn([new ActivityCounts(SubjectKind.Fingerprint, fingerprint.Fingerprint, Accounts: 40, Devices: 40, ClaimsPerMinute: 40, 0,
            _clock.GetUtcNow())]);

        var peeked = activity.Peek("farm-0", "d-0", fingerprint);
        Assert.Equal((40, 40), (peeked[RiskSignals.FingerprintAccounts], peeked[RiskSignals.FingerprintClaimsPerMinute]));
        Assert.Equal(40, activity.Peek("farm-0", "d-0", fingerprint)[RiskSignals.FingerprintClaimsPerMinute]);
        Assert.Equal(0, activity.Peek("stranger", "d-9", From("Other/1.0"))[RiskSignals.FingerprintAccounts]);
    }

    [Fact]
    public void Subjects_quiet_for_ten_minutes_are_forgotten()
    {
        var activity = new LocalActivity(_clock);
        var fingerprint = From("FarmBot/1.0");
        activity.Observe(Campaign, null, "farm-0", "d-0", fingerprint, "key-0");
        activity.Observe(Campaign, null, "farm-0", "d-0", fingerprint, "key-1");
        Assert.Equal(4, activity.Counted);
        activity.TakeReports();

        _clock.Advance(TimeSpan.FromMinutes(11));
        activity.TakeReports();
        Assert.Equal(0, activity.Counted);
        Assert.Equal(0, activity.Peek("farm-0", "d-0", fingerprint)[RiskSignals.ShopperDevices]);
    }

    [Fact]
    public void A_claim_sent_again_is_read_not_counted_again_whether_its_shopper_was_seen_once_or_in_full()
    {
        var activity = new LocalActivity(_clock);
        var browser = From("Mozilla/5.0");
        activity.Observe(Campaign, null, "retrying", "phone", browser, "key-1");
        activity.Observe(Campaign, null, "other", "phone-2", browser, "key-1");
        _clock.Advance(TimeSpan.FromSeconds(5));
        var resent = activity.Observe(Campaign, null, "retrying", "phone", browser, "key-1");

        // Seen once: the resend reads the one claim and makes nothing a subject counted in full but the shared ones.
        Assert.Equal((1, 1, 5), (resent[RiskSignals.ShopperClaimsPerMinute], resent[RiskSignals.ShopperDevices], resent[RiskSignals.ShopperAgeSeconds]));
        Assert.Equal(2, resent[RiskSignals.FingerprintClaimsPerMinute]);
        Assert.Equal(2, activity.Counted);

        // A new claim counts; sent again, it does not; the claim before it, sent again after it, counts (the last one only is remembered).
        var second = activity.Observe(Campaign, null, "retrying", "phone", browser, "key-2");
        var secondAgain = activity.Observe(Campaign, null, "retrying", "phone", browser, "key-2");
        Assert.Equal((2, 2), (second[RiskSignals.ShopperClaimsPerMinute], secondAgain[RiskSignals.ShopperClaimsPerMinute]));
        Assert.Equal(3, secondAgain[RiskSignals.FingerprintClaimsPerMinute]);
        Assert.Equal(3, activity.Observe(Campaign, null, "retrying", "phone", browser, "key-1")[RiskSignals.ShopperClaimsPerMinute]);
        var shopper = Assert.Single(activity.TakeReports(), r => r.Kind == SubjectKind.Shopper);
        Assert.Equal(3, shopper.Claims);
    }
}
