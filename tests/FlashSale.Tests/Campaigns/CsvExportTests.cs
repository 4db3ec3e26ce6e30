using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Campaigns;

/// <summary>
/// The ledger export against formula injection. Shopper ids (token subjects) and device ids
/// (<c>X-Device-Id</c>) are whatever clients send; spreadsheets in locales whose decimal mark is a
/// comma split CSV on <c>;</c>, where a quoted comma-separated cell no longer protects anything.
/// </summary>
[Trait("Tier", "EndToEnd")]
[Collection(SharedSystem.Name)]
public sealed class CsvExportTests(RunningSystem system)
{
    private static readonly char[] Triggers = ['=', '+', '-', '@', '\t', '\r'];

    [Fact]
    public async Task No_exported_cell_starts_a_formula_whether_the_file_is_split_on_commas_semicolons_or_both()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        // (shopper id, device id): payloads at the start of a cell and behind a ';', a quote, a comma.
        var claimants = new (string Shopper, string Device)[]
        {
            ($"x;=HYPERLINK(\"http://evil/{tag}\")", "d;=cmd|' /C calc'!A0"),
            ($"@SUM(1+1);{tag}", "-1;+2"),
            ($"{tag};+1;-2;@3", "ok;@x"),
            ($"{tag};\"=1+1\"", "q;\"=2+2\""),
            ($"=1,{tag};=2", "p,q;=r"),
        };
        using var marketing = await system.MarketerAsync("csv-" + tag);
        var plain = await system.CreateCampaignAsync(10);
        // A campaign of batches adds a first column, the batch key, which marketing chooses ('-' is allowed in keys).
        var group = await CreateGroupAsync(marketing, tag);

        foreach (var (campaign, batch) in new[] { (plain, (string?)null), (group, "-b1") })
        {
            foreach (var (shopper, device) in claimants)
            {
                using var client = system.Client(await system.TokenAsync(shopper, "shopper"));
                using var request = Infrastructure.Api.ClaimRequest(campaign, $"csv-{campaign:N}", device);
                if (batch is not null)
                {
                    request.RequestUri = new Uri($"/api/campaigns/{campaign}/claims?batch={batch}", UriKind.Relative);
                }

                using var response = await client.SendAsync(request);
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            }

            var csv = await marketing.GetStringAsync($"/api/campaigns/{campaign}/coupons.csv");
            foreach (var separators in new[] { new[] { ',' }, new[] { ';' }, new[] { ',', ';' } })
            {
                var rows = CsvText.Parse(csv, separators).Skip(1).ToList();
                Assert.Equal(claimants.Length, rows.Count);
                var unsafeCells = rows.SelectMany(row => row).Where(cell => cell.Length > 0 && Triggers.Contains(cell[0])).ToList();
                Assert.True(unsafeCells.Count == 0,
                    $"split on '{string.Join("' and '", separators)}', cells a spreadsheet runs: {string.Join(" | ", unsafeCells)}\n{csv}");
            }

            // Split as written, every row keeps its columns, and every id is there as sent, with apostrophes added at most.
            var columns = CsvText.Parse(csv, ',');
            var (shopperColumn, deviceColumn) = (columns[0].IndexOf("shopper_id"), columns[0].IndexOf("device_id"));
            Assert.All(columns, row => Assert.Equal(columns[0].Count, row.Count));
            Assert.Equal(claimants.Select(c => (Plain(c.Shopper), Plain(c.Device))).Order(),
                columns.Skip(1).Select(row => (Plain(row[shopperColumn]), Plain(row[deviceColumn]))).Order());
            if (batch is not null)
            {
                Assert.All(columns.Skip(1), row => Assert.Equal("'-b1", row[0]));
            }
        }
    }

    private static string Plain(string cell) => cell.Replace("'", "");

    private static async Task<Guid> CreateGroupAsync(HttpClient marketing, string tag)
    {
        using var response = await marketing.PostAsJsonAsync("/api/campaigns", new
        {
            name = "CSV batches " + tag,
            startsAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            endsAt = DateTimeOffset.UtcNow.AddHours(1),
            validity = new { days = 7 },
            batches = new object[]
            {
                new { key = "-b1", coupon = new { kind = "fixed", currency = "CNY", amountOff = 5 }, totalStock = 10, perUserLimit = 1 },
                new { key = "b2", coupon = new { kind = "fixed", currency = "CNY", amountOff = 1 }, totalStock = 10, perUserLimit = 1 },
            },
        });
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, created.ToString());
        return created.GetProperty("id").GetGuid();
    }
}
