using System.Net;

namespace FlashSale.LoadGen.Options;

/// <summary>Load goes to this machine only: a generator pointed elsewhere would be an attack, not a benchmark.</summary>
public static class Loopback
{
    public static bool Is(Uri url) =>
        string.Equals(url.DnsSafeHost, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(url.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
}
