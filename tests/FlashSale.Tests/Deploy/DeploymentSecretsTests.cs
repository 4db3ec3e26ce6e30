using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Deploy;

/// <summary>
/// No secret from the repository runs anything outside Development: compose requires each from
/// the environment, Kubernetes reads them from a Secret the manifests do not create, and the silo
/// and API refuse at start a value the repository holds (Development's keys, the example Secret's
/// placeholders), naming the setting. The programs are run for real, in Production.
/// </summary>
[Trait("Tier", "EndToEnd")]
public sealed partial class DeploymentSecretsTests
{
    /// <summary>Settings that are secrets, as environment variables (and compose's PostgreSQL password).</summary>
    private static readonly string[] Secrets = ["ConnectionStrings__FlashSale", "Jwt__SigningKey", "Risk__Challenges__HmacKey", "CardSecrets__Key", "POSTGRES_PASSWORD"];

    private readonly KubernetesManifests _kubernetes = new();

    /// <summary>Each secret a program reads, with each place in the repository that holds a value for it.</summary>
    public static TheoryData<string, string, string> RepositoryValues { get; } = new()
    {
        { "api", "Jwt__SigningKey", "api/appsettings.Development.json" },
        { "api", "Jwt__SigningKey", KubernetesExampleSecret },
        { "api", "Risk__Challenges__HmacKey", "api/appsettings.Development.json" },
        { "api", "Risk__Challenges__HmacKey", KubernetesExampleSecret },
        { "api", "ConnectionStrings__FlashSale", KubernetesExampleSecret },
        { "silo", "CardSecrets__Key", "silo/appsettings.Development.json" },
        { "silo", "CardSecrets__Key", KubernetesExampleSecret },
        { "silo", "ConnectionStrings__FlashSale", KubernetesExampleSecret },
    };

    private const string KubernetesExampleSecret = "deploy/k8s/secret.example.yaml";

    [Theory]
    [MemberData(nameof(RepositoryValues))]
    public async Task Outside_development_a_program_refuses_to_start_with_a_secret_from_the_repository(string program, string variable, string source)
    {
        var value = ValueIn(source, variable);
        Assert.False(string.IsNullOrEmpty(value), $"{source} holds no {variable}");
        var environment = await ProductionEnvironment.OfAsync(program);
        environment[variable] = value;

        await using var process = ServiceProcess.Start(program, Repo.Binary(program, DeployedProcess.Named(program).Assembly), environment);
        var exitCode = await process.ExitCodeAsync(TimeSpan.FromSeconds(60));
        Assert.NotEqual(0, exitCode);
        Assert.Contains(variable, process.Output);
        Assert.Contains("from the repository", process.Output);
    }

    [Fact]
    public async Task With_secrets_of_their_own_a_silo_and_an_api_node_start_in_production()
    {
        var silo = await ProductionEnvironment.OfAsync("silo");
        await using var siloProcess = await StartAsync("silo", silo);
        var api = await ProductionEnvironment.OfAsync("api");
        // The API node serves nothing before it has reached the cluster: the silo's.
        foreach (var setting in new[] { "Orleans__ClusterId", "Orleans__ServiceId" })
        {
            api[setting] = silo[setting];
        }

        await using var apiProcess = await StartAsync("api", api);
    }

    [Fact]
    public void Compose_takes_every_secret_from_a_variable_it_requires_and_has_no_default_for()
    {
        var secrets = ComposeFile.Services().SelectMany(service => service.Environment.Where(variable => Secrets.Contains(variable.Key))
            .Select(variable => (Where: $"{service.Name}: {variable.Key}", variable.Value))).ToList();
        Assert.Equal(["api", "postgres", "silo1", "silo2"], secrets.Select(s => s.Where.Split(':')[0]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal), StringComparer.Ordinal);
        Assert.All(secrets, secret =>
        {
            var references = ComposeVariable().Matches(secret.Value).Select(match => match.Value).ToList();
            Assert.True(references.Count > 0, $"{secret.Where} is written in the file: {secret.Value}");
            Assert.All(references, reference => Assert.Matches(RequiredVariable(), reference));
        });
    }

    [Fact]
    public void Kubernetes_takes_every_secret_from_a_secret_that_only_the_example_holds()
    {
        var applied = _kubernetes.Documents.Where(document => document.Text("kind") == "Secret").ToList();
        Assert.Equal(["flashsale"], applied.Select(secret => secret.Map("metadata").Text("name")), StringComparer.Ordinal);
        // The one Secret is the example, which kustomization.yaml leaves out (DeploymentSettingsTests checks that).
        var example = Yaml.Documents(Path.Combine(Repo.Root, KubernetesExampleSecret)).Single();

        foreach (var container in _kubernetes.Containers())
        {
            foreach (var secret in Secrets.Where(container.Environment.ContainsKey))
            {
                var source = Assert.Single(container.Sources, source => source.Key == secret);
                Assert.Equal(("Secret", example.Map("metadata").Text("name")), (source.Kind, source.Name));
                Assert.Contains("REPLACE-ME", example.Map("stringData").Text(secret));
            }
        }
    }

    /// <summary>Starts the program and waits until it answers <c>/health/live</c>.</summary>
    private static async Task<ServiceProcess> StartAsync(string program, Dictionary<string, string> environment)
    {
        var process = ServiceProcess.Start(program, Repo.Binary(program, DeployedProcess.Named(program).Assembly), environment);
        try
        {
            using var probe = new HttpClient { BaseAddress = new Uri(environment["ASPNETCORE_URLS"]) };
            await process.WaitUntilAsync(async () => (await probe.GetAsync("/health/live")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(60));
            return process;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>The value <paramref name="source"/> (a settings file or the example Secret) gives the variable.</summary>
    private static string? ValueIn(string source, string variable)
    {
        var path = Path.Combine(Repo.Root, source);
        if (source == KubernetesExampleSecret)
        {
            return Yaml.Documents(path).Single().Map("stringData").Text(variable);
        }

        var node = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
        foreach (var part in variable.Split("__"))
        {
            node = node.GetProperty(part);
        }

        return node.GetString();
    }

    [GeneratedRegex(@"\$\{[^}]*\}")]
    private static partial Regex ComposeVariable();

    /// <summary><c>${NAME:?message}</c>: compose refuses to start while NAME is unset or empty.</summary>
    [GeneratedRegex(@"^\$\{[A-Z][A-Z0-9_]*:\?[^}]+\}$")]
    private static partial Regex RequiredVariable();
}
