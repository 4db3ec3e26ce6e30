using FlashSale.FaultInjection.Faults;

namespace FlashSale.FaultInjection.Checking;

/// <summary>
/// When the run's faults were biting: from each injection until claims flowed again after it, and
/// a few seconds more. A request in such a window may meet a dead silo, a stopped database or two
/// activations of one grain; checks that need a quiet cluster leave it out.
/// </summary>
public sealed class FaultWindows(IReadOnlyList<InjectedFault> faults)
{
    private static readonly TimeSpan AfterFault = TimeSpan.FromSeconds(5);

    public bool Overlaps(TimeSpan from, TimeSpan until) =>
        faults.Any(f => from.TotalSeconds < f.InjectedAtSeconds + f.LastedSeconds + f.RecoveredInSeconds + AfterFault.TotalSeconds
            && until.TotalSeconds > f.InjectedAtSeconds);
}
