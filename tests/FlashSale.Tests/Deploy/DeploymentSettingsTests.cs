using System.Globalization;
using System.Text.RegularExpressions;
using FlashSale.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace FlashSale.Tests.Deploy;

/// <summary>
/// The deployment files (deploy/run.sh, docker-compose.yml, the Kubernetes manifests and the
/// Dockerfiles) start the same programs with the same settings under the same names, and every
/// name is one the program reads. There is no Docker engine or cluster here: the files are read,
/// not run.
/// </summary>
[Trait("Tier", "Integration")]
public partial class DeploymentSettingsTests
{
    /// <summary>Only Kubernetes has a proxy in front of the API (its ingress) whose forwarded addresses are believed.</summary>
    private static readonly HashSet<string> KubernetesOnly = new(StringComparer.Ordinal) { "ForwardedHeaders__KnownProxies__0" };

    private readonly KubernetesManifests _kubernetes = new();

    public static TheoryData<string> Programs { get; } = [DeployedProcess.Silo.Name, DeployedProcess.Api.Name];

    [Theory]
    [MemberData(nameof(Programs))]
    public void Settings_the_run_script_gives_are_given_in_compose_and_kubernetes(string name)
    {
        var process = DeployedProcess.Named(name);
        var local = RunScript.EnvironmentOf(process);
        Assert.Contains("ConnectionStrings__FlashSale", local);

        foreach (var (where, environment) in Deployments(process))
        {
            AssertNone(local.Except(environment.Keys, StringComparer.Ordinal), $"{where} lacks what deploy/run.sh gives the {name}");
        }
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void Compose_and_kubernetes_give_the_same_settings(string name)
    {
        var process = DeployedProcess.Named(name);
        foreach (var service in ComposeFile.Running(process))
        {
            foreach (var container in _kubernetes.Running(process))
            {
                var kubernetes = container.Environment.Keys.Except(KubernetesOnly, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
                AssertNone(kubernetes.Except(service.Environment.Keys, StringComparer.Ordinal), $"compose service {service.Name} lacks what Deployment {container.Deployment} sets");
                AssertNone(service.Environment.Keys.Except(kubernetes, StringComparer.Ordinal), $"Deployment {container.Deployment} lacks what compose service {service.Name} sets");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void Every_setting_named_is_one_the_program_reads(string name)
    {
        var process = DeployedProcess.Named(name);
        var keys = ConfigurationKeys.Of(process);
        var named = Deployments(process)
            .Append(("deploy/run.sh", RunScript.EnvironmentOf(process).ToDictionary(variable => variable, _ => (string?)null, StringComparer.Ordinal)))
            .Append(($"{name}.Dockerfile", DockerfileInstructions.Read(process.Dockerfile).EnvironmentNames.ToDictionary(variable => variable, _ => (string?)null, StringComparer.Ordinal)));

        foreach (var (where, environment) in named)
        {
            AssertNone(environment.Keys.Where(variable => !process.HostVariables.Contains(variable) && !keys.Names(variable)),
                $"{where} sets what {name}/appsettings*.json does not name (a real setting? add it there with its default)");
        }
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void Container_ports_are_the_ports_the_settings_open(string name)
    {
        var process = DeployedProcess.Named(name);
        var exposed = DockerfileInstructions.Read(process.Dockerfile).Exposed.Order();
        foreach (var container in _kubernetes.Running(process))
        {
            Assert.Equal(PortsOpenedBy(container.Environment!).OrderBy(port => port.Key, StringComparer.Ordinal), container.Ports.OrderBy(port => port.Key, StringComparer.Ordinal));
            Assert.Equal(exposed, container.Ports.Values.Order());
        }

        foreach (var service in ComposeFile.Running(process))
        {
            var opened = PortsOpenedBy(service.Environment!);
            Assert.Equal(exposed, opened.Values.Order());
            Assert.All(service.ContainerPorts, published => Assert.Contains(published, opened.Values));
        }
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void Pods_are_probed_and_scraped_on_their_http_port(string name)
    {
        foreach (var container in _kubernetes.Running(DeployedProcess.Named(name)))
        {
            Assert.Equal("/health/live", Assert.Single(container.Probes, probe => probe.Kind == "livenessProbe").Path);
            Assert.Equal("/health/ready", Assert.Single(container.Probes, probe => probe.Kind == "readinessProbe").Path);
            Assert.All(container.Probes, probe => Assert.Equal(container.Ports["http"], PortNumber(probe.Port, container)));
            Assert.Equal("true", container.PodAnnotations["prometheus.io/scrape"]);
            Assert.Equal(container.Ports["http"].ToString(CultureInfo.InvariantCulture), container.PodAnnotations["prometheus.io/port"]);
            Assert.Equal("/metrics", container.PodAnnotations["prometheus.io/path"]);
        }
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void Images_start_the_project_they_build(string name)
    {
        var process = DeployedProcess.Named(name);
        var dockerfile = DockerfileInstructions.Read(process.Dockerfile);

        var project = Assert.Single(dockerfile.Published);
        Assert.Equal($"{name}/{Path.GetFileNameWithoutExtension(process.Assembly)}.csproj", project);
        Assert.True(File.Exists(Path.Combine(Repo.Root, project)), project + " does not exist");
        Assert.Equal(["dotnet", process.Assembly], dockerfile.Entrypoint);
        // The test project builds the silo and the API: the assembly is what the project builds.
        Assert.True(File.Exists(Repo.Binary(name, process.Assembly)), Repo.Binary(name, process.Assembly) + " was not built");
        Assert.All(ComposeFile.Running(process), service => Assert.Equal(process.Dockerfile, service.Dockerfile));
    }

    [Fact]
    public void Each_silo_advertises_its_own_address()
    {
        var silos = ComposeFile.Running(DeployedProcess.Silo);
        Assert.Equal(2, silos.Count);
        Assert.All(silos, silo =>
        {
            Assert.Equal(Assert.Single(silo.Addresses), silo.Environment["Orleans__AdvertisedIPAddress"]);
            // Healthy once the gateway listens: the image has no HTTP client for /health/ready, which deploy/run.sh waits for.
            Assert.EndsWith("/" + silo.Environment["Orleans__GatewayPort"], silo.HealthCheck[^1]);
        });
        Assert.Equal(silos.Count, silos.Select(silo => silo.Environment["Orleans__AdvertisedIPAddress"]).Distinct(StringComparer.Ordinal).Count());

        var pods = Assert.Single(_kubernetes.Running(DeployedProcess.Silo));
        Assert.Equal("status.podIP", pods.Environment["Orleans__AdvertisedIPAddress"]);
        var deployment = _kubernetes.OfKind("Deployment").Single(document => document.Map("metadata").Text("name") == pods.Deployment);
        Assert.True(int.Parse(deployment.Map("spec").Text("replicas")!, CultureInfo.InvariantCulture) >= 2, "a cluster of one silo");
    }

    [Fact]
    public void Kubernetes_references_name_config_maps_and_secret_keys_that_exist()
    {
        foreach (var container in _kubernetes.Containers())
        {
            Assert.All(container.Sources, source =>
            {
                var keys = _kubernetes.Source(source.Kind, source.Name);
                Assert.True(keys is not null, $"{container.Deployment} reads {source.Kind} {source.Name}, which no manifest defines");
                Assert.True(source.Key is null || keys.ContainsKey(source.Key), $"{container.Deployment} reads {source.Key}, which {source.Name} lacks");
            });
        }
    }

    [Fact]
    public void Services_and_disruption_budgets_select_pods_on_their_ports()
    {
        var pods = _kubernetes.OfKind("Deployment").Select(deployment => deployment.Map("spec").Map("template")).ToList();
        foreach (var selecting in _kubernetes.OfKind("Service").Concat(_kubernetes.OfKind("PodDisruptionBudget")))
        {
            var spec = selecting.Map("spec");
            var selector = spec.Map("selector").Map("matchLabels") ?? spec.Map("selector");
            var selected = Assert.Single(pods, pod => selector.Scalars().All(label =>
                pod.Map("metadata").Map("labels").Scalars().GetValueOrDefault(label.Key) == label.Value));
            var containerPorts = selected.Map("spec").Items("containers").OfType<YamlMappingNode>().SelectMany(container => container.Items("ports"))
                .OfType<YamlMappingNode>().SelectMany(port => new[] { port.Text("name"), port.Text("containerPort") }).ToHashSet(StringComparer.Ordinal);
            Assert.All(spec.Items("ports").OfType<YamlMappingNode>(), port => Assert.Contains(port.Text("targetPort"), containerPorts));
        }
    }

    [Fact]
    public void Kustomization_lists_every_manifest_but_the_example_secret()
    {
        var kustomization = Yaml.Documents(Path.Combine(KubernetesManifests.Folder, KubernetesManifests.Kustomization)).Single();
        var listed = kustomization.Items("resources").OfType<YamlScalarNode>().Select(resource => resource.Value).Order(StringComparer.Ordinal);
        var manifests = Directory.GetFiles(KubernetesManifests.Folder, "*.yaml").Select(Path.GetFileName)
            .Where(file => file != KubernetesManifests.Kustomization && !file!.EndsWith(".example.yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.Equal(manifests, listed);
    }

    /// <summary>Every place the deployment files give <paramref name="process"/> its environment.</summary>
    private IEnumerable<(string Where, IReadOnlyDictionary<string, string?> Environment)> Deployments(DeployedProcess process)
    {
        var services = ComposeFile.Running(process);
        var containers = _kubernetes.Running(process);
        Assert.NotEmpty(services);
        Assert.NotEmpty(containers);
        return services.Select(service => ($"compose service {service.Name}",
                (IReadOnlyDictionary<string, string?>)service.Environment.ToDictionary(variable => variable.Key, variable => (string?)variable.Value, StringComparer.Ordinal)))
            .Concat(containers.Select(container => ($"Deployment {container.Deployment}", container.Environment)));
    }

    /// <summary>The ports a program listens on, by the container port names the manifests give them.</summary>
    private static Dictionary<string, int> PortsOpenedBy(IReadOnlyDictionary<string, string> environment)
    {
        var ports = new Dictionary<string, int>(StringComparer.Ordinal) { ["http"] = int.Parse(UrlPort().Match(environment["ASPNETCORE_URLS"]).Groups["port"].Value, CultureInfo.InvariantCulture) };
        if (environment.TryGetValue("Orleans__SiloPort", out var silo))
        {
            ports["silo"] = int.Parse(silo, CultureInfo.InvariantCulture);
        }

        if (environment.TryGetValue("Orleans__GatewayPort", out var gateway))
        {
            ports["gateway"] = int.Parse(gateway, CultureInfo.InvariantCulture);
        }

        return ports;
    }

    private static int PortNumber(string port, PodContainer container) => int.TryParse(port, CultureInfo.InvariantCulture, out var number) ? number : container.Ports[port];

    private static void AssertNone(IEnumerable<string> names, string what)
    {
        var listed = names.Order(StringComparer.Ordinal).ToList();
        Assert.True(listed.Count == 0, $"{what}: {string.Join(", ", listed)}");
    }

    [GeneratedRegex(@"^[a-z]+://[^;/]*:(?<port>\d+)")]
    private static partial Regex UrlPort();
}
