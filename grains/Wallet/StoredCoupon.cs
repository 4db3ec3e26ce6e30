using FlashSale.Grains.Ledger;

namespace FlashSale.Grains.Wallet;

/// <summary>
/// A coupon as its row and its campaign's row store it: what <see cref="Columns"/> reads, mapped by
/// column name, before the terms and the transfer rule are parsed into a <see cref="CouponRow"/>.
/// </summary>
internal sealed record StoredCoupon(
    Guid CouponId,
    string Code,
    Guid CampaignId,
    string CampaignName,
    string Terms,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    decimal? Balance,
    bool Stackable,
    string Holder,
    string TransferRule,
    int PerUserLimit,
    bool Used,
    string MerchantId,
    bool CardSecrets)
{
    /// <summary>The select list of every coupon query, over <c>coupons c JOIN campaign_stock s</c>.</summary>
    public const string Columns =
        """
        c.coupon_id, c.code, c.campaign_id, coalesce(s.campaign_name, '') AS campaign_name, s.terms::text AS terms, c.issued_at, c.expires_at,
        c.balance, s.stackable, coalesce(c.holder_id, c.shopper_id) AS holder, s.transfer_rule, s.per_user_limit,
        EXISTS (SELECT 1 FROM redemptions r
                 WHERE r.coupon_id = c.coupon_id AND r.single_use AND (r.refunded_at IS NULL OR r.kind = 'points_card')) AS used,
        s.merchant_id, s.card_secrets
        """;

    public CouponRow ToRow() => new(CouponId, Code, CampaignId, CampaignName, TermsJson.Read(Terms), IssuedAt, ExpiresAt, Balance, Stackable, Holder,
        TermsJson.ReadRule(TransferRule), PerUserLimit, Used, MerchantId, CardSecrets);
}
