namespace FlashSale.GrainInterfaces.Wallet;

[GenerateSerializer, Alias("FlashSale.TransferOutcome")]
public enum TransferOutcome
{
    Transferred,
    NotFound,
    NotTransferable,
    Expired,
    AlreadyRedeemed,
    /// <summary>The campaign counts received coupons, and the recipient holds as many as it allows.</summary>
    RecipientLimitReached,
    /// <summary>To oneself.</summary>
    InvalidRecipient,
    /// <summary>
    /// On a campaign of variants whose received coupons count: the recipient is in another variant,
    /// whose claims this one cannot count against the campaign's per-user limit.
    /// </summary>
    RecipientInOtherVariant,
}

[GenerateSerializer, Immutable, Alias("FlashSale.TransferResult")]
public sealed record TransferResult(
    [property: Id(0)] TransferOutcome Outcome,
    [property: Id(1)] DateTimeOffset? TransferredAt = null);
