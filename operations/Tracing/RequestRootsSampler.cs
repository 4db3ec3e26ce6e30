using System.Diagnostics;
using OpenTelemetry.Trace;

namespace FlashSale.Operations.Tracing;

/// <summary>
/// Decides for spans that start a trace: a request arriving (an HTTP request, a grain call from an
/// untraced caller) is kept at the configured ratio; a call going out from no request at all is a
/// process polling on its own (membership and reminder queries, health checks' queries, grain
/// timers' calls), hundreds a minute that would bury the claims' traces, and is dropped. Spans
/// inside a trace follow its root (see <see cref="ParentBasedSampler"/>).
/// </summary>
internal sealed class RequestRootsSampler(double ratio) : Sampler
{
    private readonly TraceIdRatioBasedSampler _requests = new(ratio);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind == ActivityKind.Client ? new SamplingResult(SamplingDecision.Drop) : _requests.ShouldSample(samplingParameters);
}
