using System.Net;
using FlashSale.Api.Risk.Signals;
using Microsoft.AspNetCore.Http;

namespace FlashSale.UnitTests.Risk;

/// <summary>The server's own fingerprint of a request: stable across releases, and never another request's.</summary>
public sealed class RequestFingerprintTests
{
    private static HttpRequest Request(string address, string agent, bool browser = true)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        context.Request.Headers.UserAgent = agent;
        if (browser)
        {
            context.Request.Headers["Sec-CH-UA"] = "\"Chromium\";v=\"130\"";
            context.Request.Headers["Sec-CH-UA-Platform"] = "\"Linux\"";
            context.Request.Headers["Sec-CH-UA-Mobile"] = "?0";
            context.Request.Headers.Accept = "text/html";
            context.Request.Headers.AcceptLanguage = "zh-CN";
            context.Request.Headers.AcceptEncoding = "gzip";
        }

        return context.Request;
    }

    [Fact]
    public void The_fingerprint_is_the_one_earlier_releases_stored_in_blocks_and_the_audit()
    {
        // SHA-256 over "range\nfeature\n…", first 8 bytes in hex; computed outside .NET.
        Assert.Equal(new RequestFingerprint("bfb27b1119534a4e", "127.0.0.0/24", 0), RequestFingerprint.Of(Request("127.0.0.1", "Mozilla/5.0 test")));
        // A padded header counts with its first 256 characters only.
        Assert.Equal(new RequestFingerprint("40a81fdbbb52a997", "203.0.113.0/24", 3),
            RequestFingerprint.Of(Request("203.0.113.9", new string('x', 5_000), browser: false)));
    }

    [Fact]
    public void A_request_after_another_gets_its_own_fingerprint_however_little_differs()
    {
        var first = RequestFingerprint.Of(Request("127.0.0.1", "Mozilla/5.0 test"));
        Assert.Equal(first, RequestFingerprint.Of(Request("127.0.0.1", "Mozilla/5.0 test")));
        Assert.Equal(first, RequestFingerprint.Of(Request("127.0.0.200", "Mozilla/5.0 test")));

        Assert.NotEqual(first.Fingerprint, RequestFingerprint.Of(Request("127.0.0.1", "Mozilla/5.0 test2")).Fingerprint, StringComparer.Ordinal);
        var otherRange = RequestFingerprint.Of(Request("127.0.1.1", "Mozilla/5.0 test"));
        Assert.NotEqual(first.Fingerprint, otherRange.Fingerprint, StringComparer.Ordinal);
        Assert.Equal("127.0.1.0/24", otherRange.Prefix);
        var fewerHeaders = RequestFingerprint.Of(Request("127.0.0.1", "Mozilla/5.0 test", browser: false));
        Assert.NotEqual(first.Fingerprint, fewerHeaders.Fingerprint, StringComparer.Ordinal);
        Assert.Equal(3, fewerHeaders.MissingBrowserHeaders);
    }
}
