using System.ComponentModel.DataAnnotations;

namespace FlashSale.Grains.Sales;

/// <summary>Configuration section <c>Sales</c> on silos: how paid sales' deadlines are watched.</summary>
public sealed class SaleOptions
{
    public const string Section = "Sales";

    /// <summary>How often a paid sale with orders waiting looks for lapsed deadlines and unfinished refunds: how late past its deadline an order lapses.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "must be between 10 ms and 10 minutes.")]
    public TimeSpan PollEvery { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long past its deadline an order with a payment waits for its gateway to confirm the close
    /// (the gateway down): then its unit goes back anyway, and a capture heard of later is refunded.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "must be between 0 and a day.")]
    public TimeSpan LapseUnconfirmedAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Orders settled at once by one look: each asks its gateway, so they go in parallel.</summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = 8;
}
