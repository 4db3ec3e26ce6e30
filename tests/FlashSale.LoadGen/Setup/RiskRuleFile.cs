using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlashSale.LoadGen.Setup;

/// <summary>
/// Risk rules (issue 21) a run puts in force: a JSON array of the bodies <c>POST /api/admin/risk/rules</c> takes
/// (name, when, action, difficulty, score). Each is saved for the run's own campaign, so that whatever it
/// matches, it judges no other traffic on the system; a <c>campaignId</c> in the file is replaced.
/// </summary>
public sealed record RiskRuleFile(string Path, IReadOnlyList<JsonObject> Rules)
{
    /// <summary>The file's rules; a file that is not an array of objects each with a name is refused with why.</summary>
    /// <exception cref="FormatException">Not a rule file; the message says why.</exception>
    public static RiskRuleFile Read(string path)
    {
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new FormatException(e.Message, e);
        }

        if (json is not JsonArray { Count: > 0 } array)
        {
            throw new FormatException("not a JSON array of rules");
        }

        var rules = new List<JsonObject>();
        foreach (var (rule, i) in array.Select((rule, i) => (rule, i)))
        {
            if (rule is not JsonObject body || body["name"]?.GetValueKind() != JsonValueKind.String)
            {
                throw new FormatException($"rule [{i}] is not an object with a name");
            }

            rules.Add(body);
        }

        return new RiskRuleFile(path, rules);
    }

    /// <summary>The rule's body for one campaign.</summary>
    public JsonObject For(int rule, Guid campaignId)
    {
        var body = (JsonObject)Rules[rule].DeepClone();
        body["campaignId"] = campaignId;
        return body;
    }
}
