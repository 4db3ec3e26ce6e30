using System.Globalization;
using System.Text.Json;

namespace FlashSale.Tests.Deploy;

/// <summary>
/// The configuration keys a program names in its appsettings*.json: the catalogue of its settings,
/// so a deployment file may set only those (or the host's own variables). Compared by exact
/// spelling: .NET would read <c>Orleans__ClusterID</c> too, but one setting has one name.
/// </summary>
public sealed class ConfigurationKeys
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly HashSet<string> _arrays = new(StringComparer.Ordinal);

    public static ConfigurationKeys Of(DeployedProcess process)
    {
        var keys = new ConfigurationKeys();
        foreach (var file in Directory.GetFiles(process.ProjectFolder, "appsettings*.json"))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            keys.Add("", json.RootElement);
        }

        return keys;
    }

    /// <summary>Whether an environment variable (<c>Section__Key</c>) sets one of these keys; array items by index.</summary>
    public bool Names(string environmentVariable)
    {
        var key = environmentVariable.Replace("__", ":", StringComparison.Ordinal);
        var parent = key[..Math.Max(0, key.LastIndexOf(':'))];
        return _keys.Contains(key) || (_arrays.Contains(parent) && int.TryParse(key[(parent.Length + 1)..], CultureInfo.InvariantCulture, out _));
    }

    private void Add(string path, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Add(path.Length == 0 ? property.Name : path + ":" + property.Name, property.Value);
                }

                break;
            case JsonValueKind.Array:
                _arrays.Add(path);
                break;
            default:
                _keys.Add(path);
                break;
        }
    }
}
