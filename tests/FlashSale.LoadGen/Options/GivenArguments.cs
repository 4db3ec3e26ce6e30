using System.Globalization;

namespace FlashSale.LoadGen.Options;

/// <summary>The options the command line gave, read one by one into typed values with their bounds checked.</summary>
public sealed class GivenArguments(IReadOnlyDictionary<string, string> given)
{
    public bool Has(string name) => given.ContainsKey(name);

    public string? Text(string name) => given.TryGetValue(name, out var value) ? value : null;

    public int? Int(string name, int min, int max) => Long(name, min, max) is { } value ? (int)value : null;

    public long? Long(string name, long min, long max = long.MaxValue)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        // 1_000_000 and 1000000 alike: big counts are easier to read with separators.
        if (!long.TryParse(text.Replace("_", ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new UsageException($"--{name} must be a whole number from {min} to {max}, not '{text}'");
        }

        return value;
    }

    public double? Double(string name, double min, double max, bool minExclusive = false)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        if (!double.TryParse(text.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || value < min || value > max || (minExclusive && value == min))
        {
            throw new UsageException($"--{name} must be a number {(minExclusive ? "above" : "from")} {min} {(minExclusive ? "up to" : "to")} {max}, not '{text}'");
        }

        return value;
    }

    /// <summary>A time like <c>10s</c>, <c>500ms</c>, <c>2m</c>; a bare number is seconds.</summary>
    public TimeSpan? Duration(string name, bool allowZero)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : (text, 1.0);
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || value < 0 || (value == 0 && !allowZero) || value * unit > TimeSpan.FromDays(1).TotalSeconds)
        {
            throw new UsageException($"--{name} must be a time like 10s, 500ms or 2m{(allowZero ? "" : ", above zero")}, not '{text}'");
        }

        return TimeSpan.FromSeconds(value * unit);
    }

    public TEnum? Choice<TEnum>(string name) where TEnum : struct, Enum
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        // Enum.TryParse also takes numbers; only the names are part of the command line.
        if (!Enum.GetNames<TEnum>().Contains(text, StringComparer.OrdinalIgnoreCase) || !Enum.TryParse<TEnum>(text, ignoreCase: true, out var value))
        {
            throw new UsageException($"--{name} must be one of {string.Join(", ", Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()))}, not '{text}'");
        }

        return value;
    }

    /// <summary>An http(s) URL on this machine, normalised to end in a slash so relative paths append to it.</summary>
    public Uri? LoopbackUrl(string name)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"--{name} must be an http or https URL, not '{text}'");
        }

        if (!Loopback.Is(url))
        {
            throw new UsageException($"--{name} must point at this machine (localhost, 127.0.0.0/8 or [::1]), not '{url.Host}'");
        }

        return url;
    }

    public IReadOnlyList<Guid>? Guids(string name)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        var ids = new List<Guid>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            ids.Add(Guid.TryParse(part, out var id) ? id : throw new UsageException($"--{name}: '{part}' is not a campaign id (a GUID)"));
        }

        return ids.Count > 0 ? ids : throw new UsageException($"--{name} names no campaign");
    }
}
