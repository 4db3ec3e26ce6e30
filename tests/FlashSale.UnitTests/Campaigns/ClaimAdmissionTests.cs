using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Claims;
using FlashSale.GrainInterfaces.Gates;
using FlashSale.Grains.Campaigns;
using FlashSale.Grains.Ledger;
using Microsoft.Extensions.Time.Testing;

namespace FlashSale.UnitTests.Campaigns;

/// <summary>The campaign grain's decision on each claim, with the counters in memory and a fake clock.</summary>
public sealed class ClaimAdmissionTests
{
    private static readonly DateTimeOffset Opens = new(2026, 11, 11, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Opens.AddMinutes(1));

    private static CampaignDefinition Campaign(int stock = 3, int perUserLimit = 1, ImmutableArray<EarlyAccess> earlyAccess = default,
        DateTimeOffset? opens = null) =>
        new(Guid.NewGuid(), "unit", new CouponTerms(CouponKind.Fixed, "CNY", 5m, null, null, null), stock, perUserLimit, opens ?? Opens,
            (opens ?? Opens).AddHours(1),
            new CouponValidity(null, 7), Opens.AddDays(-1), "tests", EarlyAccess: earlyAccess);

    private static ClaimAdmission NewAdmission(CampaignDefinition campaign)
    {
        var admission = new ClaimAdmission(at => DateOnly.FromDateTime(at.UtcDateTime));
        admission.Stock(campaign.TotalStock);
        return admission;
    }

    private Admission Claim(ClaimAdmission admission, CampaignDefinition campaign, string shopper, string key = "k", string? tier = null) =>
        admission.Admit(campaign, new ClaimRequest(shopper, "device", key, tier), _clock.GetUtcNow());

    private static AdmittedClaim Admitted(Admission admission) => Assert.IsType<Admission.Admitted>(admission).Claim;

    [Fact]
    public void Claims_hold_units_until_the_stock_is_spoken_for_and_a_withdrawn_claim_gives_its_unit_back()
    {
        var campaign = Campaign(stock: 2);
        var admission = NewAdmission(campaign);
        var first = Admitted(Claim(admission, campaign, "amy"));
        Admitted(Claim(admission, campaign, "ben"));

        Assert.Equal(new Admission.Refused(ClaimOutcome.SoldOut, ByPhase: true), Claim(admission, campaign, "cat"));
        admission.Withdraw(first);
        Admitted(Claim(admission, campaign, "cat"));
        Assert.Equal(2, admission.InFlight);
    }

    [Fact]
    public void The_limit_is_judged_before_the_stock_so_a_refused_key_replayed_after_the_sell_out_hears_the_same_refusal()
    {
        var campaign = Campaign(stock: 2, perUserLimit: 1);
        var admission = NewAdmission(campaign);
        Admitted(Claim(admission, campaign, "amy", "k1"));
        var limited = new Admission.Refused(ClaimOutcome.LimitReached, ByPhase: false);
        Assert.Equal(limited, Claim(admission, campaign, "amy", "k2"));

        Admitted(Claim(admission, campaign, "ben"));
        Assert.Equal(limited, Claim(admission, campaign, "amy", "k2"));
    }

    [Fact]
    public void A_replay_is_answered_by_the_first_claim_whatever_has_happened_since()
    {
        var campaign = Campaign(stock: 1);
        var admission = NewAdmission(campaign);
        var first = Admitted(Claim(admission, campaign, "amy", "k1"));
        admission.Paused = true;
        _clock.Advance(TimeSpan.FromHours(2));

        Assert.Same(first, Assert.IsType<Admission.Replay>(Claim(admission, campaign, "amy", "k1")).Earlier);
    }

    [Fact]
    public void The_window_the_pause_and_early_access_are_judged_by_the_time_passed_in()
    {
        var campaign = Campaign(earlyAccess: [new EarlyAccess("gold", TimeSpan.FromMinutes(10))], opens: _clock.GetUtcNow().AddMinutes(5));
        var admission = NewAdmission(campaign);
        Assert.Equal(new Admission.Refused(ClaimOutcome.NotStarted, ByPhase: true), Claim(admission, campaign, "amy"));
        Admitted(Claim(admission, campaign, "gold-member", tier: "gold"));

        _clock.SetUtcNow(campaign.StartsAt);
        admission.Paused = true;
        Assert.Equal(new Admission.Refused(ClaimOutcome.Paused, ByPhase: true), Claim(admission, campaign, "amy"));
        admission.Paused = false;
        _clock.SetUtcNow(campaign.EndsAt);
        Assert.Equal(new Admission.Refused(ClaimOutcome.Ended, ByPhase: true), Claim(admission, campaign, "amy"));
    }

    [Fact]
    public void After_a_restock_a_new_claimant_is_held_while_an_api_node_may_still_refuse_on_the_sold_out_gate()
    {
        var campaign = Campaign(stock: 1);
        var admission = NewAdmission(campaign);
        admission.Commit([Admitted(Claim(admission, campaign, "amy"))]);
        var soldOutGate = admission.HandOutGate(campaign, _clock.GetUtcNow());
        Assert.True(soldOutGate.SoldOut);

        Assert.True(admission.Restock(2));
        var held = Assert.IsType<Admission.Held>(Claim(admission, campaign, "ben"));
        Assert.Equal(_clock.GetUtcNow() + CampaignGate.HonoredFor, held.Until);

        _clock.SetUtcNow(held.Until);
        Admitted(Claim(admission, campaign, "ben"));
    }

    [Fact]
    public void A_commit_counts_each_claimant_once_and_the_last_unit_marks_the_sell_out()
    {
        var campaign = Campaign(stock: 3, perUserLimit: 2);
        var admission = NewAdmission(campaign);
        var amy = Admitted(Claim(admission, campaign, "amy", "k1"));
        var amyAgain = Admitted(Claim(admission, campaign, "amy", "k2"));
        Assert.False(admission.Commit([amy, amyAgain]));
        Assert.Null(admission.SoldOutAt);

        var ben = Admitted(Claim(admission, campaign, "ben"));
        Assert.True(admission.Commit([ben]));
        Assert.Equal((3, 0, 2, 0), (admission.Committed, admission.InFlight, admission.Claimants, admission.Remaining));
        Assert.Equal(ben.Coupon.IssuedAt, admission.SoldOutAt);
        Assert.Equal(CampaignPhase.SoldOut, admission.PhaseAt(campaign, _clock.GetUtcNow()));
    }

    [Fact]
    public void Rows_of_a_batch_take_each_shoppers_next_free_slots_in_order()
    {
        var campaign = Campaign(stock: 10, perUserLimit: 5);
        var admission = NewAdmission(campaign);
        admission.Commit([Admitted(Claim(admission, campaign, "amy", "k0"))]);
        var batch = new[] { Claim(admission, campaign, "amy", "k1"), Claim(admission, campaign, "ben", "k1"), Claim(admission, campaign, "amy", "k2") }
            .Select(Admitted).ToList();
        foreach (var claim in batch)
        {
            claim.Slots = new RiskSlots(claim.Day, 1, null, null, null);
        }

        Assert.Equal([2, 1, 3], admission.RowsOf(batch).Select(row => row.ShopperSlot));
    }

    [Fact]
    public void A_reactivation_reads_the_shoppers_it_meets_then_answers_replays_and_counts_limits_from_their_rows()
    {
        var campaign = Campaign(stock: 5, perUserLimit: 1);
        var admission = new ClaimAdmission(at => DateOnly.FromDateTime(at.UtcDateTime));
        var issued = Opens.AddSeconds(5);
        var couponId = Guid.NewGuid();
        admission.Load(new LedgerSnapshot(5, 1, Issued: 1, issued, Receipts: 1, Paused: false, EndsAt: null, Draft: false));

        // Until the holders are read, any shopper may have rows: each is read before being judged.
        Assert.IsType<Admission.Unknown>(Claim(admission, campaign, "amy", "k1"));
        Assert.IsType<Admission.Unknown>(Claim(admission, campaign, "carl"));
        admission.Known(campaign, ["amy", "ben", "carl"], new LedgerShoppers(
            [new LedgerCoupon(couponId, "amy", "k1", "CODE", issued, issued.AddDays(7))],
            new Dictionary<string, int>(StringComparer.Ordinal) { ["ben"] = 1 }));

        var replay = Assert.IsType<Admission.Replay>(Claim(admission, campaign, "amy", "k1"));
        Assert.Equal(couponId, replay.Earlier.Coupon.CouponId);
        Assert.Equal(ClaimOutcome.LimitReached, Assert.IsType<Admission.Refused>(Claim(admission, campaign, "ben")).Outcome);
        Admitted(Claim(admission, campaign, "carl"));
        Assert.Equal((1, 4, 3), (admission.Committed, admission.Remaining, admission.KnownShoppers));
        Assert.Null(admission.Claimants);
    }

    [Fact]
    public void Once_the_holders_are_read_strangers_are_judged_without_a_read_and_the_claimants_are_counted()
    {
        var campaign = Campaign(stock: 5, perUserLimit: 1);
        var admission = new ClaimAdmission(at => DateOnly.FromDateTime(at.UtcDateTime));
        admission.Load(new LedgerSnapshot(5, 1, Issued: 2, Opens, Receipts: 0, Paused: false, EndsAt: null, Draft: false));
        Assert.True(admission.HoldersWanted);

        var (words, upToSeq) = admission.BeginHoldersRead();
        Assert.Equal(2, upToSeq);
        HolderFilter.Add(words, "amy");
        HolderFilter.Add(words, "ben");
        admission.EndHoldersRead(holders: 2, upToSeq, claimants: 2);

        Assert.False(admission.HoldersWanted);
        Assert.True(admission.MustRead("amy"));
        Assert.False(admission.MustRead("dan"));
        var claim = Admitted(Claim(admission, campaign, "dan"));
        Assert.Equal(2, admission.Claimants);
        admission.Commit([claim]);
        Assert.Equal(3, admission.Claimants);
    }

    [Fact]
    public void Memory_holds_a_bounded_number_of_shoppers_but_never_lets_go_of_one_whose_claim_is_being_written()
    {
        var campaign = Campaign(stock: 100, perUserLimit: 1);
        var admission = new ClaimAdmission(at => DateOnly.FromDateTime(at.UtcDateTime), shopperCapacity: 3);
        admission.Stock(campaign.TotalStock);

        var inFlight = Enumerable.Range(0, 5).Select(i => Admitted(Claim(admission, campaign, $"s{i}"))).ToList();
        Assert.Equal(5, admission.KnownShoppers);

        admission.Commit(inFlight);
        Admitted(Claim(admission, campaign, "s5"));
        Assert.Equal(3, admission.KnownShoppers);
        // The oldest was let go; a holder the filter knows is read back rather than taken for a stranger.
        Assert.IsType<Admission.Unknown>(Claim(admission, campaign, "s0", "k"));
        Assert.Equal(5, admission.Claimants);
    }

    [Fact]
    public void A_refusing_gate_lists_holders_only_once_they_are_all_known()
    {
        var campaign = Campaign(stock: 1, perUserLimit: 1);
        var admission = new ClaimAdmission(at => DateOnly.FromDateTime(at.UtcDateTime));
        admission.Load(new LedgerSnapshot(1, 1, Issued: 1, Opens, Receipts: 0, Paused: false, EndsAt: null, Draft: false));

        Assert.Null(admission.HandOutGate(campaign, _clock.GetUtcNow()).Holders);

        var (words, upToSeq) = admission.BeginHoldersRead();
        HolderFilter.Add(words, "amy");
        admission.EndHoldersRead(holders: 1, upToSeq, claimants: 1);
        var gate = admission.HandOutGate(campaign, _clock.GetUtcNow());
        Assert.True(gate.SoldOut);
        Assert.True(gate.Holders!.MayContain("amy"));
        Assert.Equal(ClaimOutcome.SoldOut, gate.RefusalFor("stranger", null, _clock.GetUtcNow()));
    }

    [Fact]
    public void A_crowded_filter_is_read_again_larger_and_keeps_the_claims_not_yet_written()
    {
        var campaign = Campaign(stock: 10_000, perUserLimit: 1);
        var admission = new ClaimAdmission(at => DateOnly.FromDateTime(at.UtcDateTime), shopperCapacity: 10);
        admission.Stock(campaign.TotalStock);
        // Past the filter's size its false "maybe"s grow: those shoppers are read (here: the ledger has nothing) before being judged.
        var nothing = new LedgerShoppers([], new Dictionary<string, int>(StringComparer.Ordinal));
        var claims = Enumerable.Range(0, 9000).Select(i => $"s{i}").Select(shopper =>
        {
            if (admission.MustRead(shopper))
            {
                admission.Known(campaign, [shopper], nothing);
            }

            return Admitted(Claim(admission, campaign, shopper));
        }).ToList();
        Assert.True(admission.HoldersWanted);

        // The ledger has none of them yet: only the claims in flight can put them in the larger filter.
        admission.BeginHoldersRead();
        Assert.False(admission.HoldersWanted);
        var during = Admitted(Claim(admission, campaign, "during"));
        admission.EndHoldersRead(holders: 0, int.MaxValue, claimants: 0);
        Assert.False(admission.HoldersWanted);

        // Written, then let go of: each is still a holder, read back rather than taken for a stranger.
        admission.Commit([.. claims, during]);
        Admitted(Claim(admission, campaign, "later"));
        Assert.Equal(10, admission.KnownShoppers);
        Assert.All(claims.Append(during), c => Assert.True(admission.Find(c.ShopperId) is not null || admission.MustRead(c.ShopperId)));
        Assert.Equal(9001, admission.Claimants);
    }
}
