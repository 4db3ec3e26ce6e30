namespace FlashSale.Api.Live;

/// <summary>Configuration section <c>LiveHub</c> on API nodes: what one connection may ask of the hub.</summary>
public sealed class LiveHubLimits
{
    /// <summary>
    /// Campaigns one connection may watch at once (<c>LiveHub:MaxSubscriptions</c>): each costs the
    /// node a group membership and a share of every snapshot of that campaign. Not 100: the board
    /// and shop pages watch every campaign a listing returns (up to 100), the shop each batch too,
    /// and the board keeps the cards of campaigns that appeared since it was loaded.
    /// </summary>
    public int MaxSubscriptions { get; set; } = 1000;
}
