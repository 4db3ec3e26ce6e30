namespace FlashSale.GrainInterfaces.Audit;

/// <summary>
/// The auditor of the books while the system runs: every few seconds it checks, on what changed since its
/// last pass, the invariants it can check cheaply (the ledger against each campaign's counters and stock, the
/// limits, orders, points, paid sales), and raises an operator alert, a metric and a log entry for each breach.
/// One in the cluster, kept alive by a durable reminder.
/// </summary>
[Alias("FlashSale.IBooksAuditorGrain")]
public interface IBooksAuditorGrain : IGrainWithIntegerKey
{
    /// <summary>Starts the auditor (idempotent); the silo calls it at start.</summary>
    [Alias("Start")]
    Task Start();

    /// <summary>What the auditor checked in its last pass and every breach it has found since it started.</summary>
    [Alias("Report")]
    Task<AuditReport> Report();
}
