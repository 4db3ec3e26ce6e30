namespace FlashSale.Scalpers.Crowd;

/// <summary>
/// The browsers of the crowd, with how common each is among phones and among desktops (weights, not shares).
/// Chrome's reduced User-Agent makes every Android phone on one Chrome version send the same string, and a
/// popular iPhone's Safari is one string too: shoppers behind one carrier NAT on the same phone share a
/// fingerprint, which is what a rule counting accounts per fingerprint must live with.
/// </summary>
public static class Browsers
{
    private const string Chromium126 = "\"Not/A)Brand\";v=\"8\", \"Chromium\";v=\"126\", \"Google Chrome\";v=\"126\"";
    private const string ModernEncoding = "gzip, deflate, br, zstd";
    private const string OlderEncoding = "gzip, deflate, br";

    public static readonly Browser ChromeWindows = new("Chrome 126, Windows",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
        Chromium126, "\"Windows\"", Mobile: false, ModernEncoding);

    public static readonly IReadOnlyList<(Browser Browser, int Weight)> Phones =
    [
        (new("Safari, iOS 17.5", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
            null, null, Mobile: true, OlderEncoding), 20),
        (new("Safari, iOS 18.1", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
            null, null, Mobile: true, OlderEncoding), 15),
        (new("WeChat, iOS 17.5", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49(0x18003137) NetType/4G Language/zh_CN",
            null, null, Mobile: true, OlderEncoding), 10),
        (new("Chrome 126, Android", "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36",
            Chromium126, "\"Android\"", Mobile: true, ModernEncoding), 25),
        (new("Chrome 125, Android", "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Mobile Safari/537.36",
            "\"Google Chrome\";v=\"125\", \"Chromium\";v=\"125\", \"Not.A/Brand\";v=\"24\"", "\"Android\"", Mobile: true, ModernEncoding), 10),
        (new("Huawei Browser 14", "Mozilla/5.0 (Linux; Android 12; HarmonyOS; NOH-AN00; HMSCore 6.13.0.302) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/99.0.4844.88 HuaweiBrowser/14.0.5.302 Mobile Safari/537.36",
            "\" Not A;Brand\";v=\"99\", \"Chromium\";v=\"99\"", "\"Android\"", Mobile: true, OlderEncoding), 10),
        (new("Samsung Internet 25", "Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36",
            "\"Chromium\";v=\"121\", \"Not A(Brand\";v=\"99\", \"Samsung Internet\";v=\"25.0\"", "\"Android\"", Mobile: true, OlderEncoding), 10),
    ];

    public static readonly IReadOnlyList<(Browser Browser, int Weight)> Desktops =
    [
        (ChromeWindows, 35),
        (new("Edge 126, Windows", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
            "\"Not/A)Brand\";v=\"8\", \"Chromium\";v=\"126\", \"Microsoft Edge\";v=\"126\"", "\"Windows\"", Mobile: false, ModernEncoding), 20),
        (new("Safari 17.5, macOS", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
            null, null, Mobile: false, OlderEncoding), 15),
        (new("Chrome 126, macOS", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
            Chromium126, "\"macOS\"", Mobile: false, ModernEncoding), 10),
        (new("Firefox 127, Windows", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0",
            null, null, Mobile: false, ModernEncoding), 10),
    ];

    /// <summary>One of the list, as often as its weight says.</summary>
    public static Browser Pick(IReadOnlyList<(Browser Browser, int Weight)> browsers, Random random)
    {
        var draw = random.Next(browsers.Sum(b => b.Weight));
        foreach (var (browser, weight) in browsers)
        {
            if ((draw -= weight) < 0)
            {
                return browser;
            }
        }

        throw new InvalidOperationException("unreachable: the draw is below the weights' sum");
    }
}
