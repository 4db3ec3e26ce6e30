namespace FlashSale.Api.Live;

/// <summary>Configuration section <c>LiveHub</c> on API nodes: what one connection may ask of the hub.</summary>
public sealed class LiveHubLimits
{
    /// <summary>
    /// Campaigns one connection may watch at once (<c>LiveHub:MaxSubscriptions</c>): each costs the
    /// node a group membership and a share of every snapshot of that campaign. A board of every
    /// open campaign stays well under it.
    /// </summary>
    public int MaxSubscriptions { get; set; } = 100;
}
