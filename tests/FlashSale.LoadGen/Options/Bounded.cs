using System.CommandLine;

namespace FlashSale.LoadGen.Options;

/// <summary>
/// Options with a default whose help states the bounds and format their parser checks, written once so
/// that the help and the check cannot drift apart.
/// </summary>
public static class Bounded
{
    public static Option<int> WholeNumber(string name, string helpName, string description, int defaultValue, int min, int max) => new(name)
    {
        HelpName = helpName,
        Description = $"{description} ({OptionValues.Bounds(min, max)})",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => OptionValues.WholeNumber(result, min, max),
    };

    public static Option<TimeSpan> Time(string name, string description, TimeSpan defaultValue, bool allowZero = false) => new(name)
    {
        HelpName = "T",
        Description = $"{description} ({OptionValues.TimeHelp}{(allowZero ? "; 0 for none" : "")})",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => OptionValues.Time(result, allowZero),
    };

    /// <summary>One of an enum's names, listed in the help as the option's value.</summary>
    public static Option<TEnum> Choice<TEnum>(string name, string description, TEnum defaultValue) where TEnum : struct, Enum => new(name)
    {
        HelpName = OptionValues.ChoiceNames<TEnum>("|"),
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = OptionValues.Choice<TEnum>,
    };
}
