namespace FlashSale.LoadGen.Setup;

/// <summary>The server would not set up the run (no token, no campaign); nothing was measured.</summary>
public sealed class SetupException(string message) : Exception(message);
