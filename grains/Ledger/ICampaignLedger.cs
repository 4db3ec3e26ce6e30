namespace FlashSale.Grains.Ledger;

/// <summary>
/// A campaign grain's reads and writes of the ledger: its counters on activation, the shoppers it
/// meets, its holders, its group commits (through the silo's <see cref="LedgerWriter"/>), and where a
/// reused key already holds a coupon.
/// </summary>
public interface ICampaignLedger
{
    /// <inheritdoc cref="CouponLedger.LoadAsync"/>
    Task<LedgerSnapshot?> LoadAsync(Guid campaignId);

    /// <inheritdoc cref="CouponLedger.ReadShoppersAsync"/>
    Task<LedgerShoppers> ReadShoppersAsync(Guid campaignId, IReadOnlyCollection<string> shopperIds);

    /// <inheritdoc cref="CouponLedger.ReadHoldersAsync"/>
    Task<int> ReadHoldersAsync(Guid campaignId, int upToSeq, Action<string> holder);

    /// <inheritdoc cref="LedgerWriter.IssueAsync"/>
    Task IssueAsync(CampaignBatch batch);

    /// <inheritdoc cref="CouponLedger.FindKeyOwnersAsync"/>
    Task<IReadOnlyList<KeyOwner>> FindKeyOwnersAsync(IReadOnlyList<(string ShopperId, string Key)> pairs);
}

/// <summary>The ledger as the silo's campaign grains use it: reads straight from it, writes shared through the silo's writer.</summary>
public sealed class CampaignLedger(CouponLedger coupons, LedgerWriter writer) : ICampaignLedger
{
    public Task<LedgerSnapshot?> LoadAsync(Guid campaignId) => coupons.LoadAsync(campaignId);

    public Task<LedgerShoppers> ReadShoppersAsync(Guid campaignId, IReadOnlyCollection<string> shopperIds) =>
        coupons.ReadShoppersAsync(campaignId, shopperIds);

    public Task<int> ReadHoldersAsync(Guid campaignId, int upToSeq, Action<string> holder) => coupons.ReadHoldersAsync(campaignId, upToSeq, holder);

    public Task IssueAsync(CampaignBatch batch) => writer.IssueAsync(batch);

    public Task<IReadOnlyList<KeyOwner>> FindKeyOwnersAsync(IReadOnlyList<(string ShopperId, string Key)> pairs) => coupons.FindKeyOwnersAsync(pairs);
}
