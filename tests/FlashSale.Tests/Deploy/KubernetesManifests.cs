using System.Globalization;
using FlashSale.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace FlashSale.Tests.Deploy;

/// <summary>A ConfigMap's or a Secret's key that a container's environment takes its value from.</summary>
public sealed record SourceKey(string Kind, string Name, string? Key);

public sealed record HttpProbe(string Kind, string Path, string Port);

/// <summary>
/// One container of a Deployment in deploy/k8s, with its environment as the pod sees it: its own
/// <c>env</c> entries and every key of the ConfigMaps and Secrets its <c>envFrom</c> names.
/// </summary>
public sealed record PodContainer(string Deployment, string Image, IReadOnlyDictionary<string, string?> Environment,
    IReadOnlyList<SourceKey> Sources, IReadOnlyDictionary<string, int> Ports, IReadOnlyList<HttpProbe> Probes,
    IReadOnlyDictionary<string, string> PodAnnotations);

/// <summary>Every manifest in deploy/k8s (the example Secret included), read as documents.</summary>
public sealed class KubernetesManifests
{
    public static string Folder { get; } = Path.Combine(Repo.Root, "deploy", "k8s");

    public const string Kustomization = "kustomization.yaml";

    public IReadOnlyList<YamlMappingNode> Documents { get; } =
        [.. Directory.GetFiles(Folder, "*.yaml").Where(file => Path.GetFileName(file) != Kustomization).SelectMany(Yaml.Documents)];

    public IEnumerable<YamlMappingNode> OfKind(string kind) => Documents.Where(document => document.Text("kind") == kind);

    /// <summary>A ConfigMap's data or a Secret's stringData and data keys, by kind and name; null if there is none.</summary>
    public IReadOnlyDictionary<string, string>? Source(string kind, string name) =>
        OfKind(kind).Where(document => document.Map("metadata").Text("name") == name)
            .Select(document => (IReadOnlyDictionary<string, string>)document.Map("data").Scalars()
                .Concat(document.Map("stringData").Scalars()).ToDictionary(StringComparer.Ordinal))
            .SingleOrDefault();

    public IReadOnlyList<PodContainer> Running(DeployedProcess process) =>
        [.. Containers().Where(container => ImageName(container.Image) == process.Image)];

    public IEnumerable<PodContainer> Containers() =>
        from deployment in OfKind("Deployment")
        let template = deployment.Map("spec").Map("template")
        from container in template.Map("spec").Items("containers").OfType<YamlMappingNode>()
        select Container(deployment.Map("metadata").Text("name")!, template, container);

    /// <summary>"registry:5000/flashsale-api:1.2" → "flashsale-api".</summary>
    public static string ImageName(string image)
    {
        var name = image[(image.LastIndexOf('/') + 1)..];
        return name.Contains(':') ? name[..name.IndexOf(':')] : name;
    }

    private PodContainer Container(string deployment, YamlMappingNode template, YamlMappingNode container)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        var sources = new List<SourceKey>();
        foreach (var envFrom in container.Items("envFrom").OfType<YamlMappingNode>())
        {
            var (kind, reference) = envFrom.Map("configMapRef") is { } configMap ? ("ConfigMap", configMap) : ("Secret", envFrom.Map("secretRef"));
            var source = new SourceKey(kind, reference.Text("name")!, null);
            sources.Add(source);
            foreach (var (name, value) in Source(kind, source.Name) ?? new Dictionary<string, string>(StringComparer.Ordinal))
            {
                environment[name] = value;
            }
        }

        foreach (var variable in container.Items("env").OfType<YamlMappingNode>())
        {
            // A value from the pod itself is kept as its field path (status.podIP), for the tests to compare.
            environment[variable.Text("name")!] = variable.Text("value") ?? variable.Map("valueFrom").Map("fieldRef").Text("fieldPath");
            foreach (var (kind, keyRef) in new[] { ("ConfigMap", "configMapKeyRef"), ("Secret", "secretKeyRef") })
            {
                if (variable.Map("valueFrom").Map(keyRef) is { } reference)
                {
                    sources.Add(new SourceKey(kind, reference.Text("name")!, reference.Text("key")));
                }
            }
        }

        var ports = container.Items("ports").OfType<YamlMappingNode>()
            .ToDictionary(port => port.Text("name") ?? port.Text("containerPort")!, port => int.Parse(port.Text("containerPort")!, CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var probes = new[] { "startupProbe", "livenessProbe", "readinessProbe" }
            .Where(kind => container.Map(kind) is not null)
            .Select(kind => container.Map(kind).Map("httpGet") is { } get
                ? new HttpProbe(kind, get.Text("path")!, get.Text("port")!)
                : throw new InvalidOperationException($"{deployment}'s {kind} is not an HTTP probe."));
        return new PodContainer(deployment, container.Text("image")!, environment, sources, ports, [.. probes],
            template.Map("metadata").Map("annotations").Scalars());
    }
}
