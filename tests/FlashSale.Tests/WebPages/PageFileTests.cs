using System.IO.Compression;
using System.Net;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.WebPages;

/// <summary>The pages' files over plain HTTP: compressed for browsers that accept it, the API's answers not; the pages' security headers.</summary>
[Trait("Tier", "EndToEnd")]
[Collection(SharedSystem.Name)]
public sealed class PageFileTests(RunningSystem system)
{
    [Fact]
    public async Task Page_files_go_out_compressed_the_api_s_answers_do_not_and_pages_carry_their_policy()
    {
        using var plain = system.Client();
        var published = await plain.GetByteArrayAsync("/lib/echarts/echarts.min.js");

        using var browser = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = system.BaseAddress };
        browser.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br, gzip");
        using var library = await browser.GetAsync("/lib/echarts/echarts.min.js");
        Assert.Equal(["br"], library.Content.Headers.ContentEncoding);
        var compressed = await library.Content.ReadAsByteArrayAsync();
        await using var unpacked = new MemoryStream();
        await using (var brotli = new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress))
        {
            await brotli.CopyToAsync(unpacked);
        }

        Assert.Equal(published, unpacked.ToArray());
        Assert.True(compressed.Length < published.Length / 2, $"{compressed.Length} of {published.Length} bytes");

        using var page = await browser.GetAsync("/shop.html");
        Assert.Equal(["br"], page.Content.Headers.ContentEncoding);
        Assert.StartsWith("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        using var answer = await browser.GetAsync("/api/time");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Empty(answer.Content.Headers.ContentEncoding);
    }
}
