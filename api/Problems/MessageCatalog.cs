using System.Text.RegularExpressions;

namespace FlashSale.Api.Problems;

/// <summary>
/// The messages of one language, keyed by the English the API writes. A message is looked up whole first,
/// then against the templates, closest fit first; the values in its holes are looked up the same way (a
/// rule such as "1 to 32 lowercase letters…" inside "Required: {0}."). Anything it does not know stays as it is.
/// </summary>
public sealed partial class MessageCatalog
{
    // A value inside a value inside a message is as deep as the API's messages go.
    private const int MaxDepth = 3;
    private readonly Dictionary<string, string> _whole = new(StringComparer.Ordinal);
    private readonly MessageTemplate[] _templates;

    public MessageCatalog(IEnumerable<KeyValuePair<string, string>> entries)
    {
        var templates = new List<MessageTemplate>();
        foreach (var (english, translation) in entries)
        {
            if (english.Contains('{', StringComparison.Ordinal) && translation.Contains('{', StringComparison.Ordinal))
            {
                templates.Add(new MessageTemplate(english, translation));
            }

            _whole[english] = translation;
        }

        _templates = [.. templates.OrderByDescending(t => t.Specificity)];
    }

    public bool IsEmpty => _whole.Count == 0;

    public string Translate(string message) => Translate(message, MaxDepth);

    private string Translate(string message, int depth)
    {
        if (_whole.TryGetValue(message, out var whole))
        {
            return whole;
        }

        if (depth == 0)
        {
            return message;
        }

        // The closest fit whose values are all translated or need none ("100", "gold, silver"): a close fit
        // that leaves English prose in a hole ("Required: 1 to {0}." over "Required: 1 to 32 lowercase
        // letters…") loses to a looser one that translates it ("Required: {0}.").
        string? fallback = null;
        foreach (var template in _templates)
        {
            if (template.Match(message) is not { } values)
            {
                continue;
            }

            var understood = true;
            foreach (var (hole, value) in values)
            {
                var translated = Translate(value, depth - 1);
                understood &= !ReferenceEquals(translated, value) || !Prose().IsMatch(value);
                values[hole] = translated;
            }

            if (understood)
            {
                return template.Fill(values);
            }

            fallback ??= template.Fill(values);
        }

        return fallback ?? message;
    }

    [GeneratedRegex(@"\p{L}{2,} \p{L}{2,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Prose();
}
