namespace FlashSale.FaultInjection.Load;

/// <summary>
/// The run's staff: the default merchant's marketer and two tills (tokens without a merchant claim,
/// as before tenancy), another merchant's marketer and two tills, and an admin who credits points.
/// </summary>
public static class Staff
{
    public static readonly Actor Marketer = new("fault-marketer", "marketing");
    public static readonly Actor OtherMarketer = new("fault-marketer-b", "marketing", MoneyCampaigns.OtherMerchantId);
    public static readonly Actor Admin = new("fault-admin", "admin");

    public static readonly IReadOnlyList<Actor> Tills = [new("till-a-1", "merchant"), new("till-a-2", "merchant")];

    public static readonly IReadOnlyList<Actor> OtherTills =
        [new("till-b-1", "merchant", MoneyCampaigns.OtherMerchantId), new("till-b-2", "merchant", MoneyCampaigns.OtherMerchantId)];

    /// <summary>The till users of a merchant, by the order scope their redemptions make.</summary>
    public static IReadOnlyList<string> TillsOf(string orderScope) =>
        [.. Tills.Concat(OtherTills).Where(t => t.OrderScope == orderScope).Select(t => t.UserId)];
}
