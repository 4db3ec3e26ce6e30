using System.ComponentModel.DataAnnotations;

namespace FlashSale.Grains.Live;

/// <summary>Configuration section <c>LiveHub</c> on silos.</summary>
public sealed class LiveHubOptions
{
    /// <summary>
    /// An API node that has not renewed its subscription for this long is taken for dead and gets
    /// nothing more; live nodes renew every <c>LiveHub:RenewEvery</c> (API setting, 20 s).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "must be between 1 ms and a day.")]
    public TimeSpan NodeLifetime { get; set; } = TimeSpan.FromMinutes(1);
}
