namespace FlashSale.FaultInjection.Checking;

/// <summary>
/// One check's verdict: how many things it judged (orders, keys, transfers...), how many of them
/// broke the rule, and what it saw. A check that judged nothing proves nothing: it fails a long run,
/// and is only "not exercised" in the short one.
/// </summary>
public sealed record Check(string Name, long Judged, long Broken, string Detail, bool NothingJudgedFails)
{
    public bool Passed => Broken == 0 && (Judged > 0 || !NothingJudgedFails);

    public string Verdict => Broken > 0 ? "FAILED" : Judged > 0 ? "ok" : NothingJudgedFails ? "FAILED: judged nothing" : "not exercised";
}

/// <summary>The run's checks, made knowing whether a check that judged nothing fails (the long run) or not (the short one).</summary>
public sealed class CheckList(bool nothingJudgedFails)
{
    private readonly List<Check> _checks = [];

    public IReadOnlyList<Check> All => _checks;

    public void Add(string name, long judged, long broken, string detail) => _checks.Add(new Check(name, judged, broken, detail, nothingJudgedFails));

    /// <summary>Up to three examples of what broke a rule, for the detail.</summary>
    public static string Examples<T>(IEnumerable<T> broken, Func<T, string> describe) =>
        string.Concat(broken.Take(3).Select(b => "; e.g. " + describe(b)));
}
