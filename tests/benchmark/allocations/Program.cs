using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

// What a traced process allocated (dotnet-trace's gc-verbose profile: one AllocationTick event per ~100 kB,
// with its type and stack), by type, by the first FlashSale method on the stack, and by both.
// Usage: dotnet AllocationSummary.dll TRACE.nettrace [TOP]
if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: AllocationSummary TRACE.nettrace [TOP]");
    return 2;
}

var top = args.Length == 2 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 25;
using var log = new TraceLog(TraceLog.CreateFromEventPipeDataFile(args[0]));
var byType = new Dictionary<string, long>(StringComparer.Ordinal);
var byMethod = new Dictionary<string, long>(StringComparer.Ordinal);
var byBoth = new Dictionary<string, long>(StringComparer.Ordinal);
long total = 0;
foreach (var traced in log.Events)
{
    if (traced is not GCAllocationTickTraceData tick)
    {
        continue;
    }

    var type = tick.TypeName ?? "?";
    var method = "(no FlashSale method on the stack)";
    for (var frame = tick.CallStack(); frame is not null; frame = frame.Caller)
    {
        if (frame.CodeAddress.FullMethodName is { } name && name.Contains("FlashSale", StringComparison.Ordinal))
        {
            method = name;
            break;
        }
    }

    total += tick.AllocationAmount64;
    Add(byType, type, tick.AllocationAmount64);
    Add(byMethod, method, tick.AllocationAmount64);
    Add(byBoth, $"{type}  @ {method}", tick.AllocationAmount64);
}

Console.WriteLine($"sampled: {total / 1e6:F1} MB");
Print("by type", byType);
Print("by the first FlashSale method on the stack", byMethod);
Print("by both", byBoth);
return 0;

static void Add(Dictionary<string, long> bytes, string key, long amount) =>
    bytes[key] = bytes.GetValueOrDefault(key) + amount;

void Print(string title, Dictionary<string, long> bytes)
{
    Console.WriteLine($"--- {title}");
    foreach (var (key, amount) in bytes.OrderByDescending(p => p.Value).Take(top))
    {
        Console.WriteLine($"{amount / 1e6,9:F1} MB  {(key.Length > 200 ? key[..200] : key)}");
    }
}
