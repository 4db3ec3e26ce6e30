using System.Net;
using FlashSale.Tests.Infrastructure;
using FlashSale.Tests.Infrastructure.Otlp;

namespace FlashSale.Tests.Operations;

/// <summary>
/// The silo and the API node export traces over OTLP/HTTP to a stand-in collector in this process:
/// one claim is followed from the API node's HTTP request through its grain call to the PostgreSQL
/// command of the group commit that issued its coupon, one trace across both processes.
/// </summary>
[Trait("Tier", "EndToEnd")]
public sealed class TracingTests(TracingTests.TracedSystem system) : IClassFixture<TracingTests.TracedSystem>
{
    private const string ClaimRoute = "/api/campaigns/{id}/claims";

    [Fact]
    public async Task A_claim_is_one_trace_from_the_http_request_through_the_grain_call_to_the_postgresql_command()
    {
        var campaign = await system.CreateCampaignAsync(totalStock: 10);
        using var shopper = system.Client(await system.TokenAsync("traced-shopper", "shopper"));
        Assert.Equal(HttpStatusCode.Created, (await shopper.ClaimAsync(campaign, "traced-claim")).Status);

        var request = await SpanAsync(span => span is { Service: "FlashSale.Api", Scope: "Microsoft.AspNetCore", Kind: Span.Types.SpanKind.Server }
            && span.Text("http.route") == ClaimRoute && span.Text("url.path") == $"/api/campaigns/{campaign}/claims");
        var trace = await TraceAsync(request.TraceId, spans => spans.Any(span => span.Scope == "Npgsql" && span.Service == "FlashSale.Silo"));

        // API node: the request, and its call to the campaign grain going out.
        var call = Assert.Single(trace, span => span is { Service: "FlashSale.Api", Scope: "Microsoft.Orleans.Application", Kind: Span.Types.SpanKind.Client }
            && span.Name.EndsWith("/Claim", StringComparison.Ordinal));
        Assert.Equal(request.SpanId, call.ParentSpanId);
        // Silo: the grain call coming in, the group commit that carried the claim, and its SQL.
        var grain = Assert.Single(trace, span => span is { Service: "FlashSale.Silo", Scope: "Microsoft.Orleans.Application", Kind: Span.Types.SpanKind.Server }
            && span.ParentSpanId == call.SpanId);
        var commit = Assert.Single(trace, span => span is { Service: "FlashSale.Silo", Scope: "FlashSale", Name: "group commit" });
        Assert.Equal(campaign.ToString(), commit.Text("flashsale.campaign_id"));
        Assert.Contains(trace, span => span.Scope == "Npgsql" && Ancestors(span, trace).Contains(commit));
        Assert.Contains(grain, Ancestors(commit, trace));
        Assert.Equal(request, Ancestors(commit, trace).Last());
    }

    [Fact]
    public async Task Claims_that_ride_one_group_commit_each_link_to_it()
    {
        var campaign = await system.CreateCampaignAsync(totalStock: 100);
        var shoppers = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i => system.Client(await system.TokenAsync($"traced-racer-{i}", "shopper"))));
        var answers = await Task.WhenAll(shoppers.Select(shopper => shopper.ClaimAsync(campaign, "race")));
        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Created, answer.Status));

        // Every claim's grain call is in a group commit's trace, or links to the commit that carried it.
        var spans = await Eventually.ReturnsAsync(() => Task.FromResult(system.Collector.Spans), received =>
            CommitsOf(received, campaign).Sum(commit => (int)commit.Attributes["flashsale.claims"].IntValue) >= answers.Length
            && RequestsTo(received, campaign).Count >= answers.Length);
        var commits = CommitsOf(spans, campaign);
        Assert.Equal(answers.Length, commits.Sum(commit => (int)commit.Attributes["flashsale.claims"].IntValue));
        Assert.True(commits.Count < answers.Length, "no two claims shared a group commit: nothing to link");
        var requests = RequestsTo(spans, campaign);
        Assert.Equal(answers.Length, requests.Count);
        var grainCalls = spans.Where(span => span is { Service: "FlashSale.Silo", Scope: "Microsoft.Orleans.Application", Kind: Span.Types.SpanKind.Server }
            && span.Name.EndsWith("/Claim", StringComparison.Ordinal) && requests.Contains(span.TraceId)).ToList();
        Assert.Equal(answers.Length, grainCalls.Count);
        Assert.All(grainCalls, call => Assert.True(
            commits.Any(commit => commit.ParentSpanId == call.SpanId) || call.Links.Any(link => commits.Any(commit => commit.SpanId == link.SpanId)),
            $"grain call {call.SpanId} leads to no group commit"));
    }

    [Fact]
    public async Task Probes_and_background_polling_start_no_trace()
    {
        using var probe = system.Client();
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/health/ready")).StatusCode);
        // By now both processes have polled the membership table and renewed the live subscription many times over.
        await SpanAsync(span => span.Service == "FlashSale.Silo");
        var spans = system.Collector.Spans;
        Assert.DoesNotContain(spans, span => span.IsRoot && span.Kind == Span.Types.SpanKind.Client);
        Assert.DoesNotContain(spans, span => span.Text("url.path").StartsWith("/health", StringComparison.Ordinal));
    }

    /// <summary>The traces of the claim requests the API node served for the campaign.</summary>
    private static HashSet<string> RequestsTo(IEnumerable<ReceivedSpan> spans, Guid campaign) =>
        [.. spans.Where(span => span.Service == "FlashSale.Api" && span.Text("url.path") == $"/api/campaigns/{campaign}/claims").Select(span => span.TraceId)];

    private static List<ReceivedSpan> CommitsOf(IEnumerable<ReceivedSpan> spans, Guid campaign) =>
        [.. spans.Where(span => span.Name == "group commit" && span.Text("flashsale.campaign_id") == campaign.ToString())];

    /// <summary>The span's parent, its parent's parent, ... up to the trace's root.</summary>
    private static List<ReceivedSpan> Ancestors(ReceivedSpan span, IReadOnlyList<ReceivedSpan> trace)
    {
        var ancestors = new List<ReceivedSpan>();
        while (trace.FirstOrDefault(parent => parent.SpanId == span.ParentSpanId) is { } parent)
        {
            ancestors.Add(parent);
            span = parent;
        }

        return ancestors;
    }

    private async Task<ReceivedSpan> SpanAsync(Func<ReceivedSpan, bool> match)
    {
        var spans = await Eventually.ReturnsAsync(() => Task.FromResult(system.Collector.Spans), received => received.Any(match));
        return spans.FirstOrDefault(match) ?? throw new Xunit.Sdk.XunitException($"no such span among {spans.Count} received");
    }

    private async Task<IReadOnlyList<ReceivedSpan>> TraceAsync(string traceId, Func<IReadOnlyList<ReceivedSpan>, bool> complete)
    {
        List<ReceivedSpan> Trace() => [.. system.Collector.Spans.Where(span => span.TraceId == traceId)];
        return await Eventually.ReturnsAsync(() => Task.FromResult<IReadOnlyList<ReceivedSpan>>(Trace()), complete);
    }

    /// <summary>The system with both processes exporting their traces to <see cref="Collector"/>.</summary>
    public sealed class TracedSystem : RunningSystem
    {
        public OtlpReceiver Collector { get; } = new();

        protected override IReadOnlyDictionary<string, string> SharedSettings => Collector.ExporterSettings;

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            await Collector.DisposeAsync();
        }
    }
}
