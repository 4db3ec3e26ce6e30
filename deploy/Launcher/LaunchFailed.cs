namespace FlashSale.Launcher;

/// <summary>The cluster cannot start or cannot go on: everything started is stopped and run.sh exits 1.</summary>
public sealed class LaunchFailed(string message) : Exception(message);
