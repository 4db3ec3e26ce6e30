using System.ComponentModel.DataAnnotations;

namespace FlashSale.Operations.Tracing;

/// <summary>Configuration section <c>Tracing</c>, read while traces are exported (see <see cref="TracingSetup"/>).</summary>
public sealed class TracingSettings
{
    public const string Section = "Tracing";

    /// <summary>
    /// The share of requests whose trace is kept, from 0 to 1 (all). A grain call or a query made for
    /// a request follows the request's choice, across processes.
    /// </summary>
    [Range(0.0, 1.0, ErrorMessage = "must be between 0 and 1.")]
    public double SampleRatio { get; set; } = 1.0;
}
