using System.Globalization;
using System.Text.Json;
using CsCheck;

namespace FlashSale.Tests.Security.Fuzz;

/// <summary>Values chosen to break parsers and validators: for JSON bodies (as JSON text), paths, queries and headers.</summary>
public static class HostileValues
{
    private static readonly string[] Texts =
    [
        "", " ", "\t", "null", "NaN", "-1", "0", "1e400", "undefined", "true", "[]", "{}",
        "' OR '1'='1' --", "\"; DROP TABLE coupons; --", "<script>alert(1)</script>", "../../../etc/passwd", "..%2F..%2F", "%00", "%ZZ",
        "=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "${jndi:ldap://x/a}", "{{7*7}}", "\\u0000", "a\u0000b", "\u0001\u001f\u007f",
        "\u202eevil\u200b", "𝓕𝓵𝓪𝓼𝓱 ☃️ 👩‍👩‍👧‍👦", "\ud800", "İıſK", "00000000-0000-0000-0000-000000000000",
        "{00000000-0000-0000-0000-000000000000}", "ffffffffffffffffffffffffffffffff", "9999-12-31T23:59:59.9999999+14:00",
        "0001-01-01T00:00:00-14:00", "2026-02-30T00:00:00Z", "10675199.02:48:05.4775807", "-00:00:01", "1.00:00:00",
        "CNY", "fixed", "percent", "threshold", "giftcard", "points", "free", "withinLimit", "none", "device", "shopper", "address",
        "admin", "marketing", "draft", "open", "ended", "sold_out", "available", "b1", "a,b,,c", "127.0.0.1", "300.1.1.1/33",
    ];

    /// <summary>A string meant for a path segment, a query value or a JSON string.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
        (6, Gen.OneOf(Texts)),
        (2, Gen.String),
        (1, Gen.Char['\0', '\u001f'].Array[1, 3].Select(controls => "x" + new string(controls) + "y")),
        (1, Gen.Int[129, 3_000].Select(n => new string('x', n))),
        (1, Gen.Guid.Select(g => g.ToString())),
        (1, Gen.Long.Select(n => n.ToString(CultureInfo.InvariantCulture))));

    /// <summary>Printable ASCII (what HTTP header values may carry), some of it long.</summary>
    public static readonly Gen<string> HeaderText = Gen.Frequency(
        (4, Gen.OneOf(Texts).Where(t => t.All(c => c is >= ' ' and <= '~'))),
        (3, Gen.String[Gen.Char[' ', '~'], 0, 40]),
        (1, Gen.Int[100, 4_000].Select(n => new string('h', n))));

    private static readonly string[] JsonLiterals =
    [
        "null", "true", "false", "0", "-0", "-1", "1.5", "1e400", "-1e400", "1e-400", "123456789012345678901234567890", "2147483648",
        "-2147483649", "9223372036854775808", "79228162514264337593543950336", "0.001", "0.125", "{}", "[]", "[null]", "{\"\":null}",
        "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\/\\b\\f\\n\\r\\t\"",
    ];

    /// <summary>A JSON value as text: literals JSON allows but no field wants, wrong types, huge numbers, odd strings, deep nesting.</summary>
    public static readonly Gen<string> Json = Gen.Frequency(
        (4, Gen.OneOf(JsonLiterals)),
        (4, Text.Select(s => JsonSerializer.Serialize(s))),
        (2, Gen.Long.Select(n => n.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Double.Where(double.IsFinite).Select(d => d.ToString("R", CultureInfo.InvariantCulture))),
        (1, Gen.Decimal.Select(d => d.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.DateTimeOffset.Select(d => JsonSerializer.Serialize(d))),
        (1, Gen.TimeSpan.Select(t => JsonSerializer.Serialize(t.ToString("c", CultureInfo.InvariantCulture)))),
        (1, Gen.Int[1_000, 20_000].Select(n => "\"" + new string('x', n) + "\"")),
        (1, Gen.Int[2, 200].Select(n => new string('[', n) + new string(']', n))),
        (1, Gen.Int[2, 100].Select(n => string.Concat(Enumerable.Repeat("{\"a\":", n)) + "1" + new string('}', n))));
}
