namespace FlashSale.Tests.Money.Model;

/// <summary>
/// The reference model of the wallet (issue 16): coupons, orders, points and gift cards as plain
/// C#, no I/O. Each operation is one method (in the partial files beside this one) that predicts
/// the answer, status and problem code, and makes the change the system should make. The few
/// things only the system can know (a new coupon's id and code, the clock, the recycler's progress)
/// come in as arguments.
/// </summary>
public sealed partial class WalletModel
{
    public const int MaxCouponsPerOrder = 20;

    /// <summary>Claims per shopper per day across campaigns (the silo's default <c>Risk:DailyClaimCap</c>).</summary>
    public const int DailyClaimCap = 20;

    private Dictionary<Guid, ModelCampaign> _campaigns = [];
    private Dictionary<Guid, ModelCoupon> _coupons = [];
    private Dictionary<(string Scope, string Id), ModelOrder> _orders = [];
    private Dictionary<(string Shopper, string Key), Guid> _keys = [];
    private Dictionary<(string Shopper, Guid Campaign), int> _receipts = [];
    private Dictionary<string, long> _points = [];
    private List<ModelPointsEntry> _entries = [];
    private List<ModelTransfer> _transfers = [];
    private List<(Guid Coupon, string Shopper, long Points)> _pointsCards = [];

    // Orders the current step created: a call of the step may have read them as not there yet.
    private HashSet<(string Scope, string Id)> _newInStep = [];

    // Claims of the current step admitted by the campaign and then refused (points, daily cap).
    private List<(string Shopper, Guid Campaign)> _refusedInStep = [];

    public WalletModel(IEnumerable<ModelCampaign> campaigns) => _campaigns = campaigns.ToDictionary(c => c.Id);

    private WalletModel()
    {
    }

    public IReadOnlyCollection<ModelCampaign> Campaigns => _campaigns.Values;

    /// <summary>Coupons in the order they were issued.</summary>
    public IEnumerable<ModelCoupon> Coupons => _coupons.Values;

    public IEnumerable<ModelOrder> Orders => _orders.Values;

    public ModelCoupon? Coupon(Guid id) => _coupons.GetValueOrDefault(id);

    public ModelCampaign Campaign(Guid id) => _campaigns[id];

    public long PointsOf(string shopper) => _points.GetValueOrDefault(shopper);

    public int EntriesOf(string shopper) => _entries.Count(e => e.Shopper == shopper);

    public static string ShopperScope(string shopper) => "shopper:" + shopper;

    public static string MerchantScope(string merchant) => "merchant:" + merchant;

    /// <summary>A transferred coupon's new code, read from its holder's wallet.</summary>
    public void LearnCode(Guid coupon, string code) => _coupons[coupon].Code = code;

    /// <summary>Expiry instants within a window: the moments at which the model's view of the clock makes a difference.</summary>
    public IEnumerable<DateTimeOffset> ExpiriesBetween(DateTimeOffset from, DateTimeOffset to) =>
        _coupons.Values.Select(c => c.ExpiresAt).Where(e => e > from && e <= to).Distinct().Order();

    /// <summary>
    /// How many units of a recycling campaign the recycler may have given back by <paramref name="now"/>:
    /// its coupons that have expired and are unused (no standing use, no points credited, a gift card never spent from).
    /// </summary>
    public int RecycleCeiling(Guid campaign, DateTimeOffset now) =>
        !_campaigns[campaign].Spec.Recycles ? 0
        : _coupons.Values.Count(c => c.Campaign == campaign && c.ExpiresAt <= now && !c.Used && !c.EverSpent);

    public bool MayHaveRecycledMore(Guid campaign, DateTimeOffset now) => RecycleCeiling(campaign, now) > _campaigns[campaign].RecycledAtLeast;

    /// <summary>Claims plus counted receipts: what a campaign's per-user limit is checked against.</summary>
    private int Holdings(string shopper, Guid campaign) =>
        _coupons.Values.Count(c => c.ClaimedBy == shopper && c.Campaign == campaign) + _receipts.GetValueOrDefault((shopper, campaign));

    // A coupon used up or past its date cannot be used, given away or turned into points.
    private static Outcome? Unusable(ModelCoupon coupon, DateTimeOffset now) => coupon.StatusAt(now) switch
    {
        CouponStatus.Redeemed => Outcome.Conflict("already_redeemed"),
        CouponStatus.Expired => Outcome.Conflict("expired"),
        _ => null,
    };

    private int ClaimsToday(string shopper) => _coupons.Values.Count(c => c.ClaimedBy == shopper);

    public WalletModel Clone() => new()
    {
        _campaigns = _campaigns.ToDictionary(p => p.Key, p => p.Value.Clone()),
        _coupons = _coupons.ToDictionary(p => p.Key, p => p.Value.Clone()),
        _orders = _orders.ToDictionary(p => p.Key, p => p.Value.Clone()),
        _keys = new(_keys),
        _receipts = new(_receipts),
        _points = new(_points, StringComparer.Ordinal),
        _entries = [.. _entries],
        _transfers = [.. _transfers],
        _pointsCards = [.. _pointsCards],
        _notes = [.. _notes],
        _newInStep = [.. _newInStep],
        _refusedInStep = [.. _refusedInStep],
    };

    /// <summary>A new step begins: no order is new in it yet.</summary>
    public void BeginStep()
    {
        _newInStep.Clear();
        _refusedInStep.Clear();
    }
}
