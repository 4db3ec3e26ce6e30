namespace FlashSale.Tests.Money.Model;

public sealed partial class WalletModel
{
    /// <summary>
    /// A recycling tick: every coupon of a recycling campaign has expired, the recycler has looked at
    /// each, and the campaign sells <paramref name="recycled"/> units more than its stock (read from
    /// the database and the campaign's live figures). It gave back every unit that was never used
    /// (M7's other half), and none that was used when it looked: between those, a coupon refunded
    /// after it expired may or may not have been seen unused. From now on the model knows the stock.
    /// </summary>
    public Outcome RecycleTick(Guid campaignId, int recycled, DateTimeOffset now)
    {
        var campaign = _campaigns[campaignId];
        var neverUsed = _coupons.Values.Count(c => c.Campaign == campaignId && c.ExpiresAt <= now && !c.EverUsed && !c.EverSpent);
        var least = Math.Max(campaign.RecycledAtLeast, neverUsed);
        var most = RecycleCeiling(campaignId, now);
        if (recycled < least || recycled > most)
        {
            return Outcome.Ok($"recycled between {least} and {most}");
        }

        campaign.RecycledAtLeast = recycled;
        return Outcome.Ok($"recycled={recycled}");
    }
}
