using System.ComponentModel.DataAnnotations;

namespace FlashSale.Api.Wallet;

/// <summary>Configuration section <c>MoneyChanges</c> on API nodes.</summary>
public sealed class ChangeDeadlineSettings
{
    public const string Section = "MoneyChanges";

    /// <summary>
    /// How long after an API node receives a money change (a redemption, checkout, refund, transfer,
    /// points credit or card, card secret import or reveal) the change may still be made
    /// (<c>MoneyChanges:Deadline</c>). The node answers every such request within this plus half a
    /// second; by a 503 the first attempt can no longer change anything, so a retry finds the change
    /// made (and replays it) or not made, never half way. Keep it below the time
    /// clients wait before they send a request again (the fault harness waits 5 s).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00", ErrorMessage = "must be between 100 ms and 5 minutes.")]
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(4);
}
