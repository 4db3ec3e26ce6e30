namespace FlashSale.Scalpers.Crowd;

/// <summary>
/// Where the scenario's clients call from: 127.4N.0.0/14 for network N, any address of which works as a source
/// on Linux loopback. Homes take /24s in 127.4N.0.0 to 127.(4N+2).255.0, carrier NATs and the farm /24s in
/// 127.(4N+3).x.0; the server sees each as its /24 (the fingerprint's range).
/// </summary>
public sealed class AddressPlan(int network)
{
    /// <summary>/24s homes are spread over: several households of one ISP's area share one, as they do.</summary>
    public const int HomeRanges = 600;

    /// <summary>Public addresses of one carrier NAT's /24 (every phone behind it calls from one of them).</summary>
    public const int NatAddresses = 16;

    /// <summary>Addresses the farm rents in each of its /24s, so that no address limit of the edge sees it.</summary>
    public const int FarmAddresses = 64;

    private readonly int _first = 4 * network;

    public int Network => network;

    public string Home(int range, int host) => $"127.{_first + range / 256}.{range % 256}.{1 + host % 254}";

    public string CarrierNat(int nat, int host) => $"127.{_first + 3}.{10 + nat}.{1 + host % NatAddresses}";

    public string Farm(int range, int host) => $"127.{_first + 3}.{200 + range}.{1 + host % FarmAddresses}";
}
