using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace FlashSale.Operations.Secrets;

/// <summary>
/// Secret values this repository publishes: Development's keys, the keys deploy/docker-compose.yml
/// defaulted to before it required them, and the placeholders of the example Kubernetes Secret.
/// Anyone can read them, so outside Development a process that is given one refuses to start, naming
/// the setting, rather than accept tokens anyone can sign or seal card secrets anyone can open.
/// </summary>
public static class RepositorySecrets
{
    private static readonly HashSet<string> Published = new(StringComparer.Ordinal)
    {
        // api/appsettings.Development.json
        "development-only-signing-key-not-for-production-0123456789",
        "development-only-challenge-key-not-for-production-0123456789",
        // silo/appsettings.Development.json
        "ZGV2ZWxvcG1lbnQtb25seS1jYXJkLXNlY3JldC1rZXk=",
        // deploy/docker-compose.yml's defaults until it required the keys
        "compose-only-signing-key-not-for-production-0123456789",
        "Y29tcG9zZS1vbmx5LWNhcmQtc2VjcmV0cy1rZXktMzI=",
    };

    /// <summary>What every value of deploy/k8s/secret.example.yaml holds.</summary>
    private const string Placeholder = "REPLACE-ME";

    public static bool IsPublished(string? value) =>
        value is not null && (Published.Contains(value.Trim()) || value.Contains(Placeholder, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Throws, naming the first of <paramref name="settings"/> (configuration keys) that holds a value the
    /// repository publishes, unless the environment is Development, whose settings file holds such values.
    /// </summary>
    public static void RefuseOutsideDevelopment(IConfiguration configuration, IHostEnvironment environment, params string[] settings)
    {
        if (environment.IsDevelopment())
        {
            return;
        }

        if (settings.FirstOrDefault(setting => IsPublished(configuration[setting])) is { } published)
        {
            throw new InvalidOperationException($"{published} (env {published.Replace(":", "__")}) holds a value from the repository "
                + $"(a Development key or a placeholder), which anyone can read. Outside Development ({environment.EnvironmentName}) give it a secret of your own.");
        }
    }
}
