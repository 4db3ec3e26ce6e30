namespace FlashSale.FaultInjection.Cluster;

/// <summary>
/// A silo with the ports it keeps across restarts, so that membership rows can be matched to it; in a partition run,
/// its namespace (<see cref="Network"/>), and <see cref="Address"/> is its address on the cluster network.
/// </summary>
public sealed record SiloNode(int Index, NodeProcess Process, int SiloPort, int GatewayPort, string Address = "127.0.0.1", Network.LabNode? Network = null);
