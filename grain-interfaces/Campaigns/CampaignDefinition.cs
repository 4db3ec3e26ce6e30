using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Risk;

namespace FlashSale.GrainInterfaces.Campaigns;

/// <summary>
/// A campaign as marketing configured it: one coupon batch sold in one window, or a group of
/// batches or variants (<see cref="Units"/>), each a campaign of its own with <see cref="ParentId"/> set.
/// </summary>
[GenerateSerializer, Immutable, Alias("FlashSale.CampaignDefinition")]
public sealed record CampaignDefinition(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] CouponTerms Terms,
    [property: Id(3)] int TotalStock,
    [property: Id(4)] int PerUserLimit,
    [property: Id(5)] DateTimeOffset StartsAt,
    [property: Id(6)] DateTimeOffset EndsAt,
    [property: Id(7)] CouponValidity Validity,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] string CreatedBy,
    [property: Id(10)] RiskPolicy? Risk = null,
    [property: Id(11)] CouponUse? Use = null,
    [property: Id(12)] CouponPrice? Price = null,
    [property: Id(13)] bool CardSecrets = false,
    [property: Id(14)] ImmutableArray<EarlyAccess> EarlyAccess = default,
    [property: Id(15)] ImmutableArray<CampaignUnit> Units = default,
    [property: Id(16)] Guid? ParentId = null,
    [property: Id(17)] string? MerchantId = null,
    [property: Id(18)] PaidSale? Sale = null,
    [property: Id(19)] string? TimeZone = null)
{
    /// <summary>The merchant of campaigns made before tenancy, and of tokens that name none.</summary>
    public const string DefaultMerchant = "default";

    /// <summary>Whose campaign it is: only that merchant's marketing users change it and its tills redeem its coupons.</summary>
    public string Merchant => MerchantId ?? DefaultMerchant;

    /// <summary>A campaign of batches or variants: its units issue the coupons; it issues none itself.</summary>
    public bool IsGroup => !Units.IsDefaultOrEmpty;

    /// <summary>When a shopper of <paramref name="tier"/> may start claiming: early for member tiers with early access.</summary>
    public DateTimeOffset OpensFor(string? tier) => EarlyAccess.OpensFor(StartsAt, tier);

    /// <summary>The most coupons one campaign may have, top-ups included.</summary>
    public const int MaxStock = 10_000_000;

    /// <summary>Points a claim costs; 0 on free campaigns.</summary>
    public int PointsPrice => Price?.Points ?? 0;

    /// <summary>The cash price in fen when the campaign collects it (a paid sale); null otherwise.</summary>
    public long? CashPriceFen => Sale is not null && Price?.Cash is { } cash ? PaidSale.Fen(cash) : null;

    /// <summary>Campaigns stored before risk policies existed have none.</summary>
    public RiskPolicy RiskOrNone => Risk ?? RiskPolicy.None;

    /// <summary>Campaigns stored before wallets existed: stackable, not transferable.</summary>
    public CouponUse UseOrDefault => Use ?? CouponUse.Default;
}
