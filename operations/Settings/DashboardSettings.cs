namespace FlashSale.Operations.Settings;

/// <summary>
/// Configuration section <c>Dashboard</c>, on API nodes and silos alike: silos collect the Orleans
/// dashboard's figures (a call filter and collectors on every grain call), API nodes serve its pages.
/// </summary>
public sealed class DashboardSettings
{
    public const string Section = "Dashboard";

    public bool Enabled { get; set; } = true;
}
