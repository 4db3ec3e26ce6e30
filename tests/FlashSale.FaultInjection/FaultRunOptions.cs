namespace FlashSale.FaultInjection;

/// <summary>The run's settings (<see cref="FaultRunCommand"/> reads them from the command line); every one has a default that fits CI.</summary>
public sealed record FaultRunOptions(
    int Silos, int Apis, int Workers, int MoneyWorkers, int Rounds, TimeSpan DatabaseOutage, TimeSpan RequestTimeout, TimeSpan ProbeTimeout,
    int ScarceStock, string? JsonPath, bool Partitions = false)
{
    /// <summary>
    /// A run of several rounds is a long run: a check that judged nothing fails it. The one-round
    /// run (CI's) reports such a check as "not exercised".
    /// </summary>
    public bool NothingJudgedFails => Rounds > 1;
}
