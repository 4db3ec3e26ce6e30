using FlashSale.Launcher;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Deploy;

/// <summary>
/// One of the two programs the deployment files start, and how each file names it: its project
/// folder and assembly, its kind of node in deploy/run.sh, its image, and its Dockerfile.
/// </summary>
public sealed record DeployedProcess(string Name, string Assembly, NodeKind Node, IReadOnlySet<string> HostVariables)
{
    /// <summary>
    /// The silo is a generic host (DOTNET_ prefix) whose management endpoint is served by Kestrel
    /// (ASPNETCORE_URLS; the image clears the base image's ASPNETCORE_HTTP_PORTS).
    /// </summary>
    public static readonly DeployedProcess Silo = new("silo", "FlashSale.Silo.dll", NodeKind.Silo,
        new HashSet<string>(StringComparer.Ordinal) { "DOTNET_ENVIRONMENT", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS" });

    public static readonly DeployedProcess Api = new("api", "FlashSale.Api.dll", NodeKind.Api,
        new HashSet<string>(StringComparer.Ordinal) { "ASPNETCORE_ENVIRONMENT", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS" });

    public static DeployedProcess Named(string name) => name == Silo.Name ? Silo : name == Api.Name ? Api : throw new ArgumentException($"No deployed process is named {name}.", nameof(name));

    /// <summary>The image name (without registry or tag) in docker-compose.yml and the Kubernetes manifests.</summary>
    public string Image => "flashsale-" + Name;

    public string Dockerfile => Path.Combine(Repo.Root, "deploy", "docker", Name + ".Dockerfile");

    public string ProjectFolder => Path.Combine(Repo.Root, Name);
}
