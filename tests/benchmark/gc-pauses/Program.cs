using System.Globalization;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Analysis;
using Microsoft.Diagnostics.Tracing.Analysis.GC;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

// What a traced process's collections spent their pauses on (dotnet-trace's gc-collect profile): per generation,
// how many, their pauses and suspension, the young generation's and the heap's size before them, what they
// promoted, and their marking by root (the heaps' mean: they mark in parallel). "older" is the marking through
// references from older generations (dirty cards) and everything young reached through them.
// Usage: dotnet GcPauseSummary.dll TRACE.nettrace
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: GcPauseSummary TRACE.nettrace");
    return 2;
}

using var source = new EventPipeEventSource(args[0]);
source.NeedLoadedDotNetRuntimes();
source.Process();
var collections = source.Processes().Select(p => p.LoadedDotNetRuntime()).Where(r => r?.GC?.GCs is { Count: > 0 })
    .SelectMany(r => r!.GC.GCs).Where(gc => gc.PauseDurationMSec > 0).ToList();
if (collections.Count == 0)
{
    Console.Error.WriteLine("no collection in the trace");
    return 1;
}

// Only the roots this runtime reports (it writes -1 for those it does not).
var roots = Enum.GetValues<MarkRootType>().Where(r => r != MarkRootType.MarkMax && collections.Any(gc => MarkTime(gc, r) > 0)).ToArray();
var invariant = CultureInfo.InvariantCulture;
Console.WriteLine($"| generation | collections | pause ms: mean | p90 | max | suspend ms mean | gen0 before MB mean | heap before MB mean | promoted MB mean | {string.Join(" | ", roots.Select(r => $"mark {Name(r)} ms mean"))} |");
Console.WriteLine($"|---|---:|---:|---:|---:|---:|---:|---:|---:|{string.Concat(roots.Select(_ => "---:|"))}");
foreach (var generation in collections.GroupBy(gc => gc.Generation).OrderBy(g => g.Key))
{
    var pauses = generation.Select(gc => gc.PauseDurationMSec).Order().ToList();
    var marks = roots.Select(root => generation.Average(gc => MarkTime(gc, root)));
    Console.WriteLine(string.Create(invariant,
        $"| gen{generation.Key} | {pauses.Count} | {pauses.Average():0.0} | {pauses[(int)(0.9 * (pauses.Count - 1))]:0.0} | {pauses[^1]:0.0} | "
        + $"{generation.Average(gc => gc.SuspendDurationMSec):0.00} | {generation.Average(gc => gc.GenSizeBeforeMB[(int)Gens.Gen0]):0.0} | {generation.Average(gc => gc.HeapSizeBeforeMB):0.0} | "
        + $"{generation.Average(gc => gc.PromotedMB):0.00} | {string.Join(" | ", marks.Select(m => m.ToString("0.00", invariant)))} |"));
}

Console.WriteLine(string.Create(invariant, $"all: {collections.Count} collections, {collections.Sum(gc => gc.PauseDurationMSec):0} ms paused"));
return 0;

// The heaps mark in parallel: their mean is the time marking took.
static double MarkTime(TraceGC gc, MarkRootType root) =>
    gc.PerHeapMarkTimes is { Count: > 0 } heaps ? heaps.Values.Average(heap => Math.Max(heap.MarkTimes[(int)root], 0)) : 0;

static string Name(MarkRootType root) => root.ToString().Replace("Mark", "", StringComparison.Ordinal).ToLowerInvariant();
