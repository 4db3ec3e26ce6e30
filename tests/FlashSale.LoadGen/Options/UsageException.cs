namespace FlashSale.LoadGen.Options;

/// <summary>The command line asks for something this tool cannot do; the message says what.</summary>
public sealed class UsageException(string message) : Exception(message);
