using System.Globalization;

namespace FlashSale.Launcher;

/// <summary>
/// The settings a node is started with, on top of run.sh's own environment: Development (its signing key and
/// dev token endpoint), the PostgreSQL it shares with every other node (membership, storage), and its ports.
/// tests/FlashSale.Tests/Deploy checks that compose and Kubernetes give the programs the same settings.
/// </summary>
public static class NodeEnvironment
{
    public static IReadOnlyDictionary<string, string> Of(Node node, string connectionString) => node.Kind switch
    {
        NodeKind.Silo => new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ConnectionStrings__FlashSale"] = connectionString,
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["Orleans__SiloPort"] = node.SiloPort.ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = node.GatewayPort.ToString(CultureInfo.InvariantCulture),
            ["ASPNETCORE_URLS"] = node.Urls,
        },
        NodeKind.Api => new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ConnectionStrings__FlashSale"] = connectionString,
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = node.Urls,
        },
        // The sandbox keeps its trades in memory only; its key file lets a restarted one sign as before.
        _ => new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = node.Urls,
            ["Sandbox__KeyFile"] = node.Layout.SandboxKey,
        },
    };
}
