using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;
using Npgsql;

namespace FlashSale.Tests.Money.Model;

/// <summary>
/// One sequence's cast on the running system: its shoppers, two merchants with two tills each, an
/// admin, each with a client holding their token, and the campaigns created for the sequence by
/// each merchant's marketing. Every id carries the sequence's tag, so sequences never meet.
/// </summary>
public sealed class Stage : IDisposable
{
    private readonly List<HttpClient> _clients = [];

    private Stage(string tag) => Tag = tag;

    public string Tag { get; }
    public string[] Shoppers { get; private set; } = [];
    public string[] Merchants { get; private set; } = [];

    /// <summary>Till <c>i</c> works for merchant <c>i / 2</c>.</summary>
    public string[] Tills { get; private set; } = [];
    public List<ModelCampaign> Campaigns { get; } = [];
    public HttpClient[] ShopperClients { get; private set; } = [];
    public HttpClient[] TillClients { get; private set; } = [];
    public HttpClient Admin { get; private set; } = null!;

    /// <summary>Without a token: the server's clock and the campaigns' live figures.</summary>
    public HttpClient Public { get; private set; } = null!;

    public NpgsqlDataSource Database { get; private set; } = null!;

    public string MerchantOfTill(int till) => Merchants[till / 2];

    /// <summary>Every order scope the sequence can write to.</summary>
    public string[] Scopes => [.. Shoppers.Select(WalletModel.ShopperScope), .. Merchants.Select(WalletModel.MerchantScope)];

    public static async Task<Stage> StartAsync(RunningSystem system, Sequence sequence)
    {
        var stage = new Stage(Guid.NewGuid().ToString("N")[..8]);
        stage.Database = system.Database;
        stage.Public = stage.Keep(system.Client());
        var tag = stage.Tag;
        stage.Shoppers = [.. Enumerable.Range(0, sequence.Shoppers).Select(i => $"s{i}-{tag}")];
        stage.Merchants = [$"m0-{tag}", $"m1-{tag}"];
        stage.Tills = [$"till0a-{tag}", $"till0b-{tag}", $"till1a-{tag}", $"till1b-{tag}"];

        async Task<HttpClient> ClientAsync(Task<string> token) => stage.Keep(system.Client(await token));
        var shoppers = Task.WhenAll(stage.Shoppers.Select(s => ClientAsync(system.TokenAsync(s, "shopper"))));
        var tills = Task.WhenAll(stage.Tills.Select((t, i) => ClientAsync(system.MerchantTokenAsync(t, stage.MerchantOfTill(i), "merchant"))));
        var marketing = Task.WhenAll(stage.Merchants.Select((m, i) => ClientAsync(system.MerchantTokenAsync($"mkt{i}-{tag}", m, "marketing"))));
        var admin = ClientAsync(system.TokenAsync("model-admin", "admin"));
        (stage.ShopperClients, stage.TillClients, stage.Admin) = (await shoppers, await tills, await admin);
        var marketers = await marketing;
        var now = DateTimeOffset.UtcNow;
        stage.Campaigns.AddRange(await Task.WhenAll(sequence.Campaigns.Select(async (spec, i) =>
        {
            using var response = await marketers[spec.Merchant].PostAsJsonAsync("/api/campaigns", spec.Body($"model {tag} #{i}", now));
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"campaign {spec}: {(int)response.StatusCode} {body}");
            return new ModelCampaign(body.GetProperty("id").GetGuid(), spec, stage.Merchants[spec.Merchant]);
        })));

        return stage;
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }

    private HttpClient Keep(HttpClient client)
    {
        lock (_clients)
        {
            _clients.Add(client);
        }

        return client;
    }
}
