namespace FlashSale.GrainInterfaces.Campaigns;

/// <summary>Streams a campaign's ledger, row by row as PostgreSQL returns it; stateless, any silo answers.</summary>
[Alias("FlashSale.ICampaignExportGrain")]
public interface ICampaignExportGrain : IGrainWithIntegerKey
{
    /// <summary>Every coupon of the campaign in issue order.</summary>
    [Alias("Coupons")]
    IAsyncEnumerable<LedgerRow> Coupons(Guid campaignId, CancellationToken cancellationToken = default);
}

/// <summary>One coupon as the export shows it (its code is left out: it is the holder's to show).</summary>
/// <param name="Holder">Who holds it now, when it was given away.</param>
/// <param name="Uses">Standing (not refunded) uses; a gift card may have several.</param>
/// <param name="Discount">The discount of those uses.</param>
[GenerateSerializer, Immutable, Alias("FlashSale.LedgerRow")]
public sealed record LedgerRow(
    [property: Id(0)] int Seq,
    [property: Id(1)] Guid CouponId,
    [property: Id(2)] string ShopperId,
    [property: Id(3)] string DeviceId,
    [property: Id(4)] DateTimeOffset IssuedAt,
    [property: Id(5)] DateTimeOffset ExpiresAt,
    [property: Id(6)] string? Holder,
    [property: Id(7)] int Uses,
    [property: Id(8)] decimal Discount);
