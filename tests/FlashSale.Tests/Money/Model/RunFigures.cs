using System.Diagnostics;

namespace FlashSale.Tests.Money.Model;

/// <summary>What a run did: sequences, steps and operations, the outcomes by call and code (what the model judged), and the tolerated discrepancies it met.</summary>
public sealed class RunFigures
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly SortedDictionary<string, int> _outcomes = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _tolerated = new(StringComparer.Ordinal);

    public int Sequences { get; private set; }
    public int Steps { get; private set; }
    public int ConcurrentSteps { get; private set; }
    public int Operations { get; private set; }

    /// <summary>Time spent creating campaigns and tokens, running steps, and checking the end.</summary>
    public TimeSpan Setup { get; set; }
    public TimeSpan Running { get; set; }
    public TimeSpan Checking { get; set; }

    /// <summary>The most serial orders and moments that stayed possible after one step.</summary>
    public int WidestCandidates { get; private set; }

    public void Step(IReadOnlyList<Exchange> step, int candidates)
    {
        Steps++;
        ConcurrentSteps += step.Count > 1 ? 1 : 0;
        Operations += step.Count;
        WidestCandidates = Math.Max(WidestCandidates, candidates);
        foreach (var exchange in step)
        {
            var name = $"{exchange.Call.GetType().Name.Replace("Call", "")} {exchange.Observed.Status} {exchange.Observed.Code ?? ""}".TrimEnd();
            _outcomes[name] = _outcomes.GetValueOrDefault(name) + 1;
        }
    }

    public void Finished(IEnumerable<string> tolerated)
    {
        Sequences++;
        foreach (var note in tolerated)
        {
            _tolerated[note] = _tolerated.GetValueOrDefault(note) + 1;
        }
    }

    public string Report() =>
        $"{Sequences} sequences, {Operations} operations in {Steps} steps ({ConcurrentSteps} concurrent), {_watch.Elapsed.TotalSeconds:0.0} s; "
        + $"at most {WidestCandidates} possible states after a step; setup {Setup.TotalSeconds:0.0} s, steps {Running.TotalSeconds:0.0} s, "
        + $"checks {Checking.TotalSeconds:0.0} s\n"
        + string.Concat(_outcomes.Select(o => $"  {o.Value,6}  {o.Key}\n"))
        + (_tolerated.Count == 0 ? "  no tolerated discrepancy decided an answer\n" : string.Concat(_tolerated.Select(t => $"  tolerated {t.Value} times: {t.Key}\n")));
}
