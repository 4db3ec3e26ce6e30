using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FlashSale.Tests.Deploy;

/// <summary>Reading YAML files as plain trees: documents, mappings, sequences and scalars.</summary>
public static class Yaml
{
    /// <summary>Every document of a file, with merge keys (<c>&lt;&lt;: *anchor</c>) applied as Compose applies them.</summary>
    public static IReadOnlyList<YamlMappingNode> Documents(string path)
    {
        using var reader = new StringReader(File.ReadAllText(path));
        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(reader)));
        return [.. stream.Documents.Select(document => document.RootNode).OfType<YamlMappingNode>()];
    }

    public static YamlMappingNode? Map(this YamlMappingNode? node, string key) => Child(node, key) as YamlMappingNode;

    public static IEnumerable<YamlNode> Items(this YamlMappingNode? node, string key) =>
        Child(node, key) as YamlSequenceNode ?? Enumerable.Empty<YamlNode>();

    public static string? Text(this YamlMappingNode? node, string key) => (Child(node, key) as YamlScalarNode)?.Value;

    /// <summary>A mapping's scalar entries, such as a ConfigMap's data or a pod's annotations.</summary>
    public static IReadOnlyDictionary<string, string> Scalars(this YamlMappingNode? node) =>
        node?.Children
            .Where(entry => entry.Value is YamlScalarNode)
            .ToDictionary(entry => ((YamlScalarNode)entry.Key).Value!, entry => ((YamlScalarNode)entry.Value).Value ?? "", StringComparer.Ordinal)
        ?? new Dictionary<string, string>(StringComparer.Ordinal);

    private static YamlNode? Child(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;
}
