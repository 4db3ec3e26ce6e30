using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Money.Model;

/// <summary>
/// One resolved operation: how to send it over HTTP, how to read its answer as an
/// <see cref="Outcome"/>, which model method predicts it, and what the answer teaches the
/// <see cref="Registry"/>.
/// </summary>
public abstract record Call
{
    public abstract Task<Answer> SendAsync(Stage stage);

    /// <summary>The answer as an outcome, in the same words the model predicts it in.</summary>
    public abstract Outcome Observe(Answer answer);

    /// <summary>
    /// The model's prediction, changing <paramref name="model"/> as the system should have changed;
    /// <paramref name="answer"/> only supplies what the model cannot know (a new coupon's id and code).
    /// </summary>
    public abstract Outcome Expect(WalletModel model, Moment at, Answer answer);

    public virtual void Learn(Registry registry, Answer answer)
    {
    }

    /// <summary>A claim on a recycling campaign: the recycler may have raised its stock meanwhile.</summary>
    public virtual Guid? Restockable(WalletModel model) => null;

    protected static bool Succeeded(Answer answer) => (int)answer.Status is >= 200 and < 300;

    /// <summary>A refusal: its status and problem code (and the coupon a checkout names).</summary>
    protected static Outcome Refusal(Answer answer, string detail = "") => new((int)answer.Status, answer.Code ?? "(no code)", detail);

    protected static async Task<Answer> PostAsync(HttpClient client, string path, object? body) =>
        await Answer.Of(body is null ? await client.PostAsync(path, null) : await client.PostAsJsonAsync(path, body));

    protected static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.ValueKind == JsonValueKind.Null ? "null" : value.GetRawText()
            : null;

    protected static decimal? Number(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;
}
