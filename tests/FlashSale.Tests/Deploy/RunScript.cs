using FlashSale.Launcher;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Deploy;

/// <summary>deploy/run.sh, for the settings it gives each program it starts (through deploy/Launcher).</summary>
public static class RunScript
{
    /// <summary>The variables the launcher sets for <paramref name="process"/>, on top of run.sh's own environment.</summary>
    public static IReadOnlySet<string> EnvironmentOf(DeployedProcess process)
    {
        var layout = ClusterLayout.Read(Repo.Root, _ => null);
        return NodeEnvironment.Of(new Node(process.Node, 0, 1, layout), "Host=127.0.0.1").Keys.ToHashSet(StringComparer.Ordinal);
    }
}
