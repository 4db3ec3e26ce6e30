using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace FlashSale.Tests.Security.Fuzz;

/// <summary>
/// Request bodies near a valid one: a few of its fields replaced by hostile values, removed,
/// doubled or joined by strangers, and now and then the text itself broken.
/// </summary>
public static class JsonBodies
{
    private enum Edit { Replace, Remove, Add, Double }

    private enum Breakage { None, Truncate, TrailingGarbage, ByteOrderMark, InvalidUtf8, NotJson, Empty }

    private static readonly string[] StrangeKeys = ["", "__proto__", "$type", "constructor", "Name", "NAME", "extra", "ａｍｏｕｎｔ", "a\u0000b"];

    private sealed record Change(Edit Edit, int Pick, string Key, string Value);

    private static readonly Gen<Change> Changes = Gen.Select(Gen.Enum<Edit>(), Gen.Int[0, 1_000], Gen.OneOf(StrangeKeys), HostileValues.Json,
        (edit, pick, key, value) => new Change(edit, pick, key, value));

    private static readonly Gen<Breakage> Breakages = Gen.Frequency((12, Gen.Const(Breakage.None)), (1, Gen.Enum<Breakage>()));

    /// <summary>Bodies near <paramref name="valid"/>; the first case of a run may be it unchanged.</summary>
    public static Gen<byte[]> Near(JsonObject valid) =>
        Gen.Select(Changes.Array[0, 3], Breakages, Gen.Int[0, 1_000], (changes, breakage, cut) => Break(Apply(valid, changes), breakage, cut));

    private static string Apply(JsonObject valid, Change[] changes)
    {
        var body = valid.DeepClone().AsObject();
        var raws = new List<string>();
        foreach (var change in changes)
        {
            var placeholder = $"@@raw-{raws.Count}@@";
            raws.Add(change.Value);
            var nodes = Nodes(body).ToList();
            var (parent, key, _) = nodes[change.Pick % nodes.Count];
            switch (change.Edit)
            {
                case Edit.Replace when parent is JsonObject o:
                    o[(string)key] = placeholder;
                    break;
                case Edit.Replace when parent is JsonArray a:
                    a[(int)key] = placeholder;
                    break;
                case Edit.Remove when parent is JsonObject o:
                    o.Remove((string)key);
                    break;
                case Edit.Add:
                    (parent as JsonObject ?? body)[change.Key] = placeholder;
                    break;
            }

            if (change.Edit == Edit.Double && key is string name)
            {
                // The same property again, written into the text: JsonObject itself will not hold two.
                raws[^1] = $"{change.Value},\"{name}\":{change.Value}";
                (parent as JsonObject)![name] = placeholder;
            }
        }

        var text = body.ToJsonString();
        for (var i = 0; i < raws.Count; i++)
        {
            text = text.Replace($"\"@@raw-{i}@@\"", raws[i]);
        }

        return text;
    }

    /// <summary>Every node under the root with where it hangs: its parent and its key or index.</summary>
    private static IEnumerable<(JsonNode Parent, object Key, JsonNode? Node)> Nodes(JsonNode root)
    {
        var pending = new Stack<JsonNode>([root]);
        var any = false;
        while (pending.TryPop(out var parent))
        {
            var children = parent switch
            {
                JsonObject o => o.Select(p => ((object)p.Key, p.Value)).ToList(),
                JsonArray a => a.Select((n, i) => ((object)i, n)).ToList(),
                _ => [],
            };
            foreach (var (key, node) in children)
            {
                any = true;
                yield return (parent, key, node);
                if (node is JsonObject or JsonArray)
                {
                    pending.Push(node);
                }
            }
        }

        if (!any)
        {
            yield return (root, "added", null);
        }
    }

    private static byte[] Break(string text, Breakage breakage, int cut)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return breakage switch
        {
            Breakage.Truncate => bytes[..(cut % Math.Max(1, bytes.Length))],
            Breakage.TrailingGarbage => [.. bytes, .. "}garbage"u8],
            Breakage.ByteOrderMark => [0xEF, 0xBB, 0xBF, .. bytes],
            Breakage.InvalidUtf8 => [.. bytes[..(cut % Math.Max(1, bytes.Length))], 0xC3, 0x28, 0xFF, .. bytes[(cut % Math.Max(1, bytes.Length))..]],
            Breakage.NotJson => "name=x&amount=1"u8.ToArray(),
            Breakage.Empty => [],
            _ => bytes,
        };
    }
}
