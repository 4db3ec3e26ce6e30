using System.ComponentModel.DataAnnotations;

namespace FlashSale.Api.Live;

/// <summary>Configuration section <c>LiveHub</c> on API nodes: the node's live subscription, and what one connection may ask of the hub.</summary>
public sealed class LiveHubSettings
{
    public const string Section = "LiveHub";

    /// <summary>
    /// Campaigns one connection may watch at once (<c>LiveHub:MaxSubscriptions</c>): each costs the
    /// node a group membership and a share of every snapshot of that campaign. Not 100: the board
    /// and shop pages watch every campaign a listing returns (up to 100), the shop each batch too,
    /// and the board keeps the cards of campaigns that appeared since it was loaded.
    /// </summary>
    [Range(1, int.MaxValue, ErrorMessage = "must be 1 or more.")]
    public int MaxSubscriptions { get; set; } = 1000;

    /// <summary>
    /// How often the node renews its subscription to the live hub grain: well within the lifetime
    /// after which silos drop a node (<c>LiveHub:NodeLifetime</c>, a silo setting, 1 min).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "must be between 1 ms and a day.")]
    public TimeSpan RenewEvery { get; set; } = TimeSpan.FromSeconds(20);
}
