namespace FlashSale.Launcher;

/// <summary>What the launcher tells the user, on stderr, under the name of the script they ran.</summary>
internal static class Messages
{
    private const string Prefix = "run.sh: ";

    public static void Say(string text) => Console.Error.WriteLine(Prefix + text);

    public static void Error(string text) => Console.Error.WriteLine(Prefix + "ERROR: " + text);

    /// <summary>Text as it is, without the prefix (the banner, the end of a log).</summary>
    public static void Write(string text) => Console.Error.Write(text);
}
