using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;
using FlashSale.LoadGen.Setup;
using Npgsql;

namespace FlashSale.LoadGen.Options;

/// <summary>
/// Parsers for the tools' option values (<c>CustomParser</c>), each with its bounds given where the option is
/// declared. A value out of bounds or not of the kind is refused with a message that names the option.
/// </summary>
public static class OptionValues
{
    public const string TimeExamples = "a time like 10s, 500ms, 2m or 00:01:30";

    /// <summary>How help describes a time option's value.</summary>
    public const string TimeHelp = TimeExamples + "; a bare number is seconds";

    private static readonly TimeSpan LongestTime = TimeSpan.FromDays(1);

    /// <summary>The bounds of a whole number as help and errors state them.</summary>
    public static string Bounds<T>(T min, T max) where T : IBinaryInteger<T>, IMinMaxValue<T> =>
        max == T.MaxValue ? $"at least {min}" : $"{min} to {max}";

    public static T WholeNumber<T>(ArgumentResult result, T min, T max) where T : IBinaryInteger<T>, IMinMaxValue<T>
    {
        var text = Text(result);
        // 1_000_000 and 1000000 alike: big counts are easier to read with separators.
        if (T.TryParse(text.Replace("_", ""), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        result.AddError($"{Name(result)} must be a whole number ({Bounds(min, max)}), not '{text}'");
        return min;
    }

    public static double Number(ArgumentResult result, double min, double max, bool minExclusive = false)
    {
        var text = Text(result);
        if (double.TryParse(text.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max && !(minExclusive && value == min))
        {
            return value;
        }

        result.AddError($"{Name(result)} must be a number ({(minExclusive ? $"above {min} up to {max}" : $"{min} to {max}")}), not '{text}'");
        return min;
    }

    /// <summary>A time as <see cref="TimeHelp"/> says, at most a day.</summary>
    public static TimeSpan Time(ArgumentResult result, bool allowZero)
    {
        var text = Text(result);
        if (ReadTime(text) is { } time && time >= TimeSpan.Zero && time <= LongestTime && (allowZero || time > TimeSpan.Zero))
        {
            return time;
        }

        result.AddError($"{Name(result)} must be {TimeExamples}{(allowZero ? "" : ", above zero")}, not '{text}'");
        return TimeSpan.Zero;
    }

    /// <summary>A time as <see cref="TimeHelp"/> says, from <paramref name="min"/> to <paramref name="max"/> (written in the help as <paramref name="bounds"/>).</summary>
    public static TimeSpan Time(ArgumentResult result, TimeSpan min, TimeSpan max, string bounds)
    {
        var text = Text(result);
        if (ReadTime(text) is { } time && time >= min && time <= max)
        {
            return time;
        }

        result.AddError($"{Name(result)} must be {TimeExamples}, {bounds}, not '{text}'");
        return min;
    }

    /// <summary>One of the enum's names, in any case; numbers, which <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> would take, are not names.</summary>
    public static TEnum Choice<TEnum>(ArgumentResult result) where TEnum : struct, Enum
    {
        var text = Text(result);
        if (Enum.GetNames<TEnum>().FirstOrDefault(name => string.Equals(name, text, StringComparison.OrdinalIgnoreCase)) is { } name)
        {
            return Enum.Parse<TEnum>(name);
        }

        result.AddError($"{Name(result)} must be one of {ChoiceNames<TEnum>(", ")}, not '{text}'");
        return default;
    }

    /// <summary>The enum's names as the command line spells them, for help and errors.</summary>
    public static string ChoiceNames<TEnum>(string separator) where TEnum : struct, Enum =>
        string.Join(separator, Enum.GetNames<TEnum>().Select(name => name.ToLowerInvariant()));

    /// <summary>An http(s) URL on this machine, ending in a slash so that relative paths append to it.</summary>
    public static Uri LoopbackUrl(ArgumentResult result)
    {
        var text = Text(result);
        if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            result.AddError($"{Name(result)} must be an http or https URL, not '{text}'");
        }
        else if (!Loopback.Is(url))
        {
            result.AddError($"{Name(result)} must point at this machine (localhost, 127.0.0.0/8 or [::1]), not '{url.Host}'");
        }

        return url!;
    }

    /// <summary>An Npgsql connection string (checked for its form here; whether it connects, only when used).</summary>
    public static string ConnectionString(ArgumentResult result)
    {
        var text = Text(result);
        try
        {
            _ = new NpgsqlConnectionStringBuilder(text);
        }
        catch (ArgumentException e)
        {
            result.AddError($"{Name(result)} is not an Npgsql connection string: {e.Message}");
        }

        return text;
    }

    /// <summary>A file of risk rules (<see cref="RiskRuleFile"/>), read now so that a bad one stops the run before it starts.</summary>
    public static RiskRuleFile? RuleFile(ArgumentResult result)
    {
        var path = Text(result);
        try
        {
            return RiskRuleFile.Read(path);
        }
        catch (FormatException e)
        {
            result.AddError($"{Name(result)}: cannot use '{path}': {e.Message}");
            return null;
        }
    }

    private static TimeSpan? ReadTime(string text)
    {
        if (text.Contains(':'))
        {
            return TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out var clock) ? clock : null;
        }

        var (number, seconds) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : (text, 1.0);
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            && Math.Abs(value * seconds) <= LongestTime.TotalSeconds
            ? TimeSpan.FromSeconds(value * seconds)
            : null;
    }

    /// <summary>The option's one value (System.CommandLine has already refused a missing or second one).</summary>
    private static string Text(ArgumentResult result) => result.Tokens[0].Value;

    private static string Name(ArgumentResult result) => result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
}
