namespace FlashSale.GrainInterfaces.Wallet;

/// <summary>
/// What happens to one campaign's coupons around their expiry (key: the campaign id): going through
/// them in the order they expire, it puts an alert in each holder's inbox as a reminder threshold
/// comes, and, on campaigns that recycle, puts coupons that expired unused back into stock while
/// the sale is open.
/// </summary>
[Alias("FlashSale.ICouponExpiryGrain")]
public interface ICouponExpiryGrain : IGrainWithGuidKey
{
    /// <summary>Schedules the campaign's expiry work durably; safe to call again.</summary>
    [Alias("Start")]
    Task Start();
}
