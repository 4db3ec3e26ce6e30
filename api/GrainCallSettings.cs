using System.ComponentModel.DataAnnotations;

namespace FlashSale.Api;

/// <summary>Configuration section <c>GrainCalls</c> on API nodes.</summary>
public sealed class GrainCallSettings
{
    public const string Section = "GrainCalls";

    /// <summary>
    /// How long the node waits for a grain's answer before it answers 503 (<c>GrainCalls:Timeout</c>,
    /// Orleans' client <c>ResponseTimeout</c>, 30 s by default). A silo killed without a goodbye is
    /// noticed by the other silos, not by API nodes: with one silo left, or none, every call in
    /// flight to it waits this long. A claim takes milliseconds, seconds at the worst of a peak;
    /// a shopper is better served by a 503 to retry than by half a minute of nothing.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "must be between 1 second and 5 minutes.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
