using CsCheck;
using FlashSale.Tests.Security.Fuzz;
using FlashSale.Tests.Security.Support;

namespace FlashSale.Tests.Security;

/// <summary>
/// Property-based fuzzing (CsCheck) of every operation in the OpenAPI document, one kind of input
/// at a time: thousands of generated requests, each of which must get no 5xx, a problem with a
/// code when refused, and, when refused, change no row in PostgreSQL. A failure prints the
/// request and CsCheck's seed, which replays the run.
/// </summary>
[Collection(nameof(SecuritySystemCollection))]
public sealed class InputFuzzTests(SecuritySystem system, ITestOutputHelper output)
{
    [Fact]
    public Task Generated_bodies() => FuzzAsync(requests => requests.Bodies, o => o.BodySchema is not null, 1_200);

    [Fact]
    public Task Generated_path_ids() => FuzzAsync(requests => requests.Paths, o => o.PathParameters.Count > 0, 600);

    [Fact]
    public Task Generated_query_strings() => FuzzAsync(requests => requests.Queries, _ => true, 600);

    [Fact]
    public Task Generated_headers() => FuzzAsync(requests => requests.Headers, _ => true, 600);

    private async Task FuzzAsync(Func<FuzzRequests, Gen<FuzzRequest>> kind, Func<ApiOperation, bool> fuzzed, int cases)
    {
        using var client = system.Client();
        var operations = await ApiOperation.ReadAllAsync(client);
        var targets = await FuzzTargets.CreateAsync(system);
        var property = new RefusalProperty(client, system.Database, targets);
        await property.StartAsync();

        // One at a time: each request is judged against the tables as the one before left them.
        await kind(new FuzzRequests(operations, targets)).SampleAsync(property.CheckAsync, iter: cases, threads: 1, writeLine: output.WriteLine);

        foreach (var (reached, count) in property.Reached.OrderBy(r => r.Key))
        {
            output.WriteLine($"{count,5} {reached}");
        }

        // Every operation of the kind was drawn, so the run says something about each.
        var missed = operations.Where(fuzzed).Where(o => !property.Reached.Keys.Any(k => k.StartsWith(o + " ", StringComparison.Ordinal))).ToList();
        Assert.True(missed.Count == 0, "never reached: " + string.Join(", ", missed));
    }
}
