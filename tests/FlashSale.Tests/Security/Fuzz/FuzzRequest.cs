using System.Text;
using FlashSale.Tests.Security.Support;

namespace FlashSale.Tests.Security.Fuzz;

/// <summary>One generated request, printable so that a failing case can be read and replayed.</summary>
/// <param name="Caller">A role, <c>forged</c> (a token signed with another key) or <c>nobody</c>.</param>
public sealed record FuzzRequest(ApiOperation Operation, string Caller, string Path, IReadOnlyList<(string Name, string Value)> Headers,
    byte[]? Body, string? ContentType)
{
    public HttpRequestMessage ToMessage(FuzzTargets targets)
    {
        var request = new HttpRequestMessage(Operation.Method, Path);
        if (targets.Tokens.TryGetValue(Caller, out var token))
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }

        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        foreach (var (name, value) in Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }

    public override string ToString()
    {
        var body = Body is null ? "" : Encoding.UTF8.GetString(Body);
        return $"{Operation.Method} {Path} as {Caller}; headers [{string.Join("; ", Headers.Select(h => $"{h.Name}: {Cut(h.Value)}"))}]; "
            + $"content-type {ContentType}; body {Cut(body)}";
    }

    private static string Cut(string text) => text.Length <= 300 ? text : text[..300] + $"...({text.Length} chars)";
}
