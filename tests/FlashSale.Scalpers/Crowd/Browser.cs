namespace FlashSale.Scalpers.Crowd;

/// <summary>
/// A browser as the API sees it on the shop page's fetch() calls: its User-Agent, the low-entropy client hints
/// Chromium sends (Safari and Firefox send none), and the Accept-Encoding it sets itself. Accept and
/// Accept-Language are the page's: api.js sends <c>Accept: application/json</c> and the page's language,
/// <c>zh-CN</c> or <c>en</c>, whatever the browser's own.
/// </summary>
/// <param name="Brands">Sec-CH-UA, for Chromium browsers; null for the others.</param>
/// <param name="Platform">Sec-CH-UA-Platform, with Brands.</param>
public sealed record Browser(string Name, string UserAgent, string? Brands, string? Platform, bool Mobile, string AcceptEncoding)
{
    public HeaderSet With(string acceptLanguage)
    {
        var headers = new List<KeyValuePair<string, string>> { new("User-Agent", UserAgent) };
        if (Brands is not null)
        {
            headers.Add(new("Sec-CH-UA", Brands));
            headers.Add(new("Sec-CH-UA-Mobile", Mobile ? "?1" : "?0"));
            headers.Add(new("Sec-CH-UA-Platform", Platform!));
        }

        headers.Add(new("Accept", "application/json"));
        headers.Add(new("Accept-Language", acceptLanguage));
        headers.Add(new("Accept-Encoding", AcceptEncoding));
        return new HeaderSet($"{Name}, {acceptLanguage}", headers);
    }
}
