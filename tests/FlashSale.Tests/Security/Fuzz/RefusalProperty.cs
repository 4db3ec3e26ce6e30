using System.Net;
using System.Text.Json;
using FlashSale.Tests.Security.Support;
using Npgsql;

namespace FlashSale.Tests.Security.Fuzz;

/// <summary>
/// What must hold for any request, however strange: no 5xx; a 4xx is a problem document with a
/// <c>code</c> and its field messages in the language asked for (Chinese); and a refused request leaves every
/// table as it was. Requests are judged one at a time against the tables as the previous one left them.
/// </summary>
public sealed class RefusalProperty(HttpClient client, NpgsqlDataSource database, FuzzTargets targets)
{
    private TableDigest _tables = null!;

    /// <summary>Answers by operation and status class (<c>2xx</c>, <c>4xx</c>), to show what the run reached.</summary>
    public Dictionary<string, int> Reached { get; } = new(StringComparer.Ordinal);

    public async Task StartAsync() => _tables = await TableDigest.ReadAsync(database);

    public async Task CheckAsync(FuzzRequest request)
    {
        using var message = request.ToMessage(targets);
        using var response = await client.SendAsync(message);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var key = $"{request.Operation} {status / 100}xx";
        Reached[key] = Reached.GetValueOrDefault(key) + 1;

        Assert.True(status < 500, $"{status} {text}\nfor {request}");
        if (status < 400)
        {
            // Accepted: whatever it wrote is the new starting point (reads write nothing).
            if (request.Operation.Method != HttpMethod.Get)
            {
                _tables = await TableDigest.ReadAsync(database);
            }

            return;
        }

        // Kestrel refuses a path that decodes to NUL while parsing it, before any application code: no body to write.
        var refusedByKestrel = status == 400 && text.Length == 0 && request.Path.Contains("%00", StringComparison.Ordinal);
        Assert.True(refusedByKestrel || response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{status} as {response.Content.Headers.ContentType}: {text}\nfor {request}");
        using (var problem = JsonDocument.Parse(refusedByKestrel ? """{"code":"(kestrel)","status":400}""" : text))
        {
            Assert.True(problem.RootElement.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String && code.GetString() != "",
                $"{status} without a code: {text}\nfor {request}");
            Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
            // Asked in Chinese (the fuzzing client's Accept-Language): every field message is in Chinese.
            if (problem.RootElement.TryGetProperty("errors", out var errors))
            {
                foreach (var said in errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray()).Select(m => m.GetString() ?? ""))
                {
                    Assert.True(said.Any(c => c is >= '\u4e00' and <= '\u9fff'), $"{status} {text}: '{said}' is not in Chinese\nfor {request}");
                }
            }
        }

        var before = _tables;
        _tables = await TableDigest.ReadAsync(database);
        Assert.True(_tables.ChangedSince(before).Count == 0,
            $"{status} {text} changed {string.Join(", ", _tables.ChangedSince(before))}\nfor {request}");
    }
}
