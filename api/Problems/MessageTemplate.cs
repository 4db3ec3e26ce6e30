using System.Text;
using System.Text.RegularExpressions;

namespace FlashSale.Api.Problems;

/// <summary>
/// One catalog entry: an English message with holes (<c>{0}</c>, <c>{1}</c>) where a validator put a value in
/// (a limit, a list of allowed values, a rule), and its translation with the same holes. It recognises a
/// finished message and gives it back translated, each value in its hole.
/// </summary>
public sealed partial class MessageTemplate
{
    private readonly Regex _english;
    private readonly string _translation;

    public MessageTemplate(string english, string translation)
    {
        var pattern = new StringBuilder("^");
        var at = 0;
        foreach (Match hole in Hole().Matches(english))
        {
            pattern.Append(Regex.Escape(english[at..hole.Index])).Append("(?<v").Append(hole.Groups["n"].Value).Append(">.+?)");
            at = hole.Index + hole.Length;
        }

        pattern.Append(Regex.Escape(english[at..])).Append('$');
        _english = new Regex(pattern.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromMilliseconds(100));
        _translation = translation;
        Specificity = Hole().Replace(english, "").Length;
    }

    /// <summary>How much fixed text it has: when two match one message, the one with more is the closer fit.</summary>
    public int Specificity { get; }

    /// <summary>The values in the message's holes, by hole number; null when the message is not this one.</summary>
    public Dictionary<string, string>? Match(string message)
    {
        var match = _english.Match(message);
        return match.Success
            ? match.Groups.Values.Where(g => g.Name.StartsWith('v')).ToDictionary(g => g.Name[1..], g => g.Value, StringComparer.Ordinal)
            : null;
    }

    /// <summary>The translation with the (translated) values in its holes.</summary>
    public string Fill(Dictionary<string, string> values) => Hole().Replace(_translation, hole => values[hole.Groups["n"].Value]);

    [GeneratedRegex(@"\{(?<n>\d)\}", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 100)]
    private static partial Regex Hole();
}
