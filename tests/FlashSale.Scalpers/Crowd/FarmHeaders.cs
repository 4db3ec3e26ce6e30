namespace FlashSale.Scalpers.Crowd;

/// <summary>What the farm's scripts send: none of them sets Accept-Language, and none sends client hints.</summary>
public static class FarmHeaders
{
    /// <summary>Python's requests library as it comes.</summary>
    public static readonly HeaderSet PythonRequests = new("python-requests/2.31.0",
    [
        new("User-Agent", "python-requests/2.31.0"), new("Accept", "*/*"), new("Accept-Encoding", "gzip, deflate"),
    ]);

    /// <summary>A Go client with Chrome's User-Agent and the page's Accept copied from the browser's developer tools; Go adds its gzip.</summary>
    public static readonly HeaderSet CopiedChrome = new("Go with Chrome's User-Agent copied",
    [
        new("User-Agent", Browsers.ChromeWindows.UserAgent), new("Accept", "application/json"), new("Accept-Encoding", "gzip"),
    ]);

    /// <summary>A farm that copies everything a Chrome on Windows sends from the shop page (<c>--farm-mimics-browser</c>).</summary>
    public static readonly HeaderSet MimickedChrome = Browsers.ChromeWindows.With("zh-CN");
}
