using System.Collections.Concurrent;
using System.Net;
using Google.Protobuf;

namespace FlashSale.Tests.Infrastructure.Otlp;

/// <summary>
/// A stand-in for an OpenTelemetry collector: takes OTLP/HTTP protobuf trace exports on
/// <c>POST /v1/traces</c> (the silo and API processes are pointed at it with
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) and keeps every span they carry.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<ReceivedSpan> _spans = new();
    private readonly Task _serving;

    public OtlpReceiver()
    {
        var port = Repo.FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}");
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The value for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (the exporter adds <c>/v1/traces</c>).</summary>
    public Uri Endpoint { get; }

    public IReadOnlyList<ReceivedSpan> Spans => [.. _spans];

    /// <summary>The environment that sends a process's traces here, promptly rather than every 5 s.</summary>
    public IReadOnlyDictionary<string, string> ExporterSettings => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Endpoint.ToString(),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
    };

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }

            using var response = context.Response;
            if (context.Request is not { HttpMethod: "POST", Url.AbsolutePath: "/v1/traces" })
            {
                response.StatusCode = (int)HttpStatusCode.NotFound;
                continue;
            }

            Receive(ExportTraceServiceRequest.Parser.ParseFrom(context.Request.InputStream));
            // An empty ExportTraceServiceResponse: everything accepted.
            response.ContentType = "application/x-protobuf";
            response.StatusCode = (int)HttpStatusCode.OK;
        }
    }

    private void Receive(ExportTraceServiceRequest request)
    {
        foreach (var resource in request.ResourceSpans)
        {
            var service = resource.Resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value?.StringValue ?? "";
            foreach (var scope in resource.ScopeSpans)
            {
                foreach (var span in scope.Spans)
                {
                    _spans.Enqueue(new ReceivedSpan(service, scope.Scope?.Name ?? "", Hex(span.TraceId), Hex(span.SpanId), Hex(span.ParentSpanId),
                        span.Name, span.Kind, span.Attributes.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal),
                        [.. span.Links.Select(link => (Hex(link.TraceId), Hex(link.SpanId)))]));
                }
            }
        }
    }

    private static string Hex(ByteString bytes) => Convert.ToHexStringLower(bytes.Span);

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _serving;
        _listener.Close();
    }
}

/// <summary>One span as an exporter sent it; ids in lower-case hex, the parent empty for a trace's root.</summary>
public sealed record ReceivedSpan(string Service, string Scope, string TraceId, string SpanId, string ParentSpanId, string Name,
    Span.Types.SpanKind Kind, IReadOnlyDictionary<string, AnyValue> Attributes, IReadOnlyList<(string TraceId, string SpanId)> Links)
{
    public bool IsRoot => ParentSpanId.Length == 0;

    /// <summary>A string attribute; empty when the span has none of that name.</summary>
    public string Text(string attribute) => Attributes.TryGetValue(attribute, out var value) ? value.StringValue : "";
}
