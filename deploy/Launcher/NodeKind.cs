namespace FlashSale.Launcher;

/// <summary>
/// The programs of the local cluster: silos (Orleans), API nodes (HTTP, Orleans clients), and the sandbox payment
/// gateway that paid sales pay through (deploy/PaymentSandbox; a real deployment uses real gateways instead).
/// </summary>
public enum NodeKind
{
    Silo,
    Api,
    PaymentSandbox,
}
