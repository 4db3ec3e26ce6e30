namespace FlashSale.FaultInjection.Cluster;

/// <summary>A silo with the ports it keeps across restarts, so that membership rows can be matched to it.</summary>
public sealed record SiloNode(int Index, NodeProcess Process, int SiloPort, int GatewayPort);
