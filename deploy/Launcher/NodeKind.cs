namespace FlashSale.Launcher;

/// <summary>The two programs of the cluster: silos (Orleans) and API nodes (HTTP, Orleans clients).</summary>
public enum NodeKind
{
    Silo,
    Api,
}
