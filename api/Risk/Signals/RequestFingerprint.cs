using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace FlashSale.Api.Risk.Signals;

/// <summary>
/// What the server itself sees of the client, not what it says about itself: a fingerprint over the
/// browser's headers (user agent, client hints, what it accepts) and the address range it calls from
/// (/24 for IPv4, /48 for IPv6), and how many of a browser's usual headers are missing. A script can rotate
/// its <c>X-Device-Id</c> for free; changing all of these together, on every claim, costs it real effort, so
/// many device ids behind one fingerprint is the tell.
/// </summary>
public readonly record struct RequestFingerprint(string Fingerprint, string Prefix, int MissingBrowserHeaders)
{
    private static readonly string[] Features =
        ["User-Agent", "Sec-CH-UA", "Sec-CH-UA-Platform", "Sec-CH-UA-Mobile", "Accept", "Accept-Language", "Accept-Encoding"];

    private static readonly string[] BrowserHeaders = ["User-Agent", "Accept", "Accept-Language", "Accept-Encoding"];

    public static RequestFingerprint Of(HttpRequest request)
    {
        var prefix = PrefixOf(request.HttpContext.Connection.RemoteIpAddress);
        var text = new StringBuilder(prefix, 512);
        foreach (var feature in Features)
        {
            text.Append('\n').Append(Clip(request.Headers[feature]));
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), hash);
        var missing = 0;
        foreach (var header in BrowserHeaders)
        {
            missing += StringValues.IsNullOrEmpty(request.Headers[header]) ? 1 : 0;
        }

        return new RequestFingerprint(Convert.ToHexStringLower(hash[..8]), prefix, missing);
    }

    /// <summary>The address's /24 (IPv4) or /48 (IPv6) range in CIDR notation, as a block takes it; "unknown" without one.</summary>
    public static string PrefixOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        var length = address.AddressFamily == AddressFamily.InterNetwork ? 24 : 48;
        return new IPNetwork(Masked(address, length), length).ToString();
    }

    private static IPAddress Masked(IPAddress address, int length)
    {
        var bytes = address.GetAddressBytes();
        for (var i = length / 8; i < bytes.Length; i++)
        {
            bytes[i] = 0;
        }

        return new IPAddress(bytes);
    }

    // A header a client pads to any length would otherwise cost hashing time in proportion.
    private static string Clip(StringValues value)
    {
        var text = value.ToString();
        return text.Length <= 256 ? text : text[..256];
    }
}
