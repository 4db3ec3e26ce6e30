using System.Globalization;
using FlashSale.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace FlashSale.Tests.Deploy;

/// <summary>One service of deploy/docker-compose.yml.</summary>
/// <param name="Dockerfile">The full path of the Dockerfile it builds from, if it builds.</param>
/// <param name="ContainerPorts">The container side of its published ports.</param>
/// <param name="Addresses">Its fixed IPv4 addresses, by network.</param>
public sealed record ComposeService(string Name, string? Image, string? Dockerfile, IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<int> ContainerPorts, IReadOnlyList<string> Addresses, IReadOnlyList<string> HealthCheck);

/// <summary>deploy/docker-compose.yml, read with its anchors merged.</summary>
public static class ComposeFile
{
    public static string Path { get; } = System.IO.Path.Combine(Repo.Root, "deploy", "docker-compose.yml");

    public static IReadOnlyList<ComposeService> Services()
    {
        var services = Yaml.Documents(Path).Single().Map("services") ?? throw new InvalidOperationException("No services in " + Path);
        return [.. services.Children.Select(entry => Service(((YamlScalarNode)entry.Key).Value!, (YamlMappingNode)entry.Value))];
    }

    public static IReadOnlyList<ComposeService> Running(DeployedProcess process) =>
        [.. Services().Where(service => service.Image == process.Image)];

    private static ComposeService Service(string name, YamlMappingNode service)
    {
        var build = service.Map("build");
        var dockerfile = build is null
            ? null
            : System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, build.Text("context") ?? ".",
                build.Text("dockerfile") ?? "Dockerfile"));
        // "${FLASHSALE_API_PORT:-5000}:8080": the container's port is after the last colon.
        var ports = service.Items("ports").OfType<YamlScalarNode>().Select(port => int.Parse(port.Value![(port.Value!.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture));
        var addresses = service.Map("networks")?.Children.Values.OfType<YamlMappingNode>().Select(network => network.Text("ipv4_address"))
            .OfType<string>() ?? [];
        var healthCheck = service.Map("healthcheck").Items("test").OfType<YamlScalarNode>().Select(part => part.Value ?? "");
        return new ComposeService(name, service.Text("image"), dockerfile, service.Map("environment").Scalars(), [.. ports], [.. addresses],
            [.. healthCheck]);
    }
}
