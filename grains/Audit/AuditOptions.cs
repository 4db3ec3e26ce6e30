using System.ComponentModel.DataAnnotations;

namespace FlashSale.Grains.Audit;

/// <summary>Configuration section <c>Audit</c> on silos: how often the auditor checks the books.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>
    /// Between the end of one pass and the start of the next: how late a breach can be noticed. Five seconds by
    /// default; a pass under E1's load takes milliseconds (BENCHMARKS.md, "The auditor").
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00", ErrorMessage = "must be between 100 ms and an hour.")]
    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(5);
}
