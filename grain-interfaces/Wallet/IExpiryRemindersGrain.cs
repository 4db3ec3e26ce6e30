namespace FlashSale.GrainInterfaces.Wallet;

/// <summary>
/// One campaign's expiry reminders (key: the campaign id): goes through its coupons in the order
/// they expire and puts an alert in each holder's inbox as a threshold comes.
/// </summary>
[Alias("FlashSale.IExpiryRemindersGrain")]
public interface IExpiryRemindersGrain : IGrainWithGuidKey
{
    /// <summary>Schedules the campaign's reminders durably; safe to call again.</summary>
    [Alias("Start")]
    Task Start();
}
