using System.Buffers;
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
    private const int MaxFeatureLength = 256;

    private static readonly string[] Features =
        ["User-Agent", "Sec-CH-UA", "Sec-CH-UA-Platform", "Sec-CH-UA-Mobile", "Accept", "Accept-Language", "Accept-Encoding"];

    // The headers every browser sends: each one missing is counted (MissingBrowserHeaders).
    private static readonly bool[] IsBrowserHeader =
        [.. Features.Select(feature => feature is "User-Agent" or "Accept" or "Accept-Language" or "Accept-Encoding")];

    // The last request this thread fingerprinted. A farm's scripts, like a browser's keep-alive requests,
    // send the same headers over and over: compared here, they are hashed once, not once per claim
    // (profiled under E1: the SHA-256 and its buffers were a third of the screening's time and most of what it allocated).
    [ThreadStatic]
    private static Remembered? _last;

    public static RequestFingerprint Of(HttpRequest request)
    {
        var address = request.HttpContext.Connection.RemoteIpAddress;
        var headers = request.Headers;
        if (_last is { } last && last.Matches(address, headers))
        {
            return last.Fingerprint;
        }

        var values = new string[Features.Length];
        var missing = 0;
        for (var i = 0; i < Features.Length; i++)
        {
            var value = headers[Features[i]];
            values[i] = value.ToString();
            missing += IsBrowserHeader[i] && StringValues.IsNullOrEmpty(value) ? 1 : 0;
        }

        var prefix = PrefixOf(address);
        var fingerprint = new RequestFingerprint(Hash(prefix, values), prefix, missing);
        _last = new Remembered(address, values, fingerprint);
        return fingerprint;
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

    /// <summary>
    /// The first 8 bytes of SHA-256 over the range and each feature (cut to 256 characters: a header a client
    /// pads to any length would otherwise cost hashing time in proportion), one per line, as hex.
    /// </summary>
    private static string Hash(string prefix, string[] values)
    {
        var length = Encoding.UTF8.GetMaxByteCount(prefix.Length);
        foreach (var value in values)
        {
            length += 1 + Encoding.UTF8.GetMaxByteCount(Math.Min(value.Length, MaxFeatureLength));
        }

        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(prefix, buffer);
            foreach (var value in values)
            {
                buffer[written++] = (byte)'\n';
                written += Encoding.UTF8.GetBytes(value.AsSpan(0, Math.Min(value.Length, MaxFeatureLength)), buffer.AsSpan(written));
            }

            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(buffer.AsSpan(0, written), hash);
            return Convert.ToHexStringLower(hash[..8]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
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

    private sealed class Remembered(IPAddress? address, string[] values, RequestFingerprint fingerprint)
    {
        public RequestFingerprint Fingerprint { get; } = fingerprint;

        public bool Matches(IPAddress? other, IHeaderDictionary headers)
        {
            // The range, not the address, is what is hashed; but the same address is the cheap, common case.
            if (!Equals(address, other))
            {
                return false;
            }

            for (var i = 0; i < Features.Length; i++)
            {
                // Kestrel hands a connection's repeated header values back as the same strings: mostly a reference check.
                if (!string.Equals(values[i], headers[Features[i]].ToString(), StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
