namespace FlashSale.FaultInjection.Faults;

/// <summary>A fault the run injected: what, when (seconds into the load), and how long claims took to flow again after it ended.</summary>
public sealed record InjectedFault(string Kind, string Target, double InjectedAtSeconds, double LastedSeconds, double RecoveredInSeconds, string Detail);
