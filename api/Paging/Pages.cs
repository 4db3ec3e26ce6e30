using System.Globalization;
using System.Text;
using FlashSale.GrainInterfaces;

namespace FlashSale.Api.Paging;

/// <summary>The opaque <c>after</c> cursor of paged lists (wallet, inbox, campaigns): where the previous page ended.</summary>
public static class PageCursor
{
    public static string Write(PagePosition position) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{position.At.UtcTicks}:{position.Id:N}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static PagePosition? Read(string cursor)
    {
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/').PadRight(cursor.Length + ((4 - (cursor.Length % 4)) % 4), '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split(':');
            return parts.Length == 2 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var ticks) && ticks >= 0 && ticks <= DateTimeOffset.MaxValue.UtcTicks
                && Guid.TryParseExact(parts[1], "N", out var id)
                ? new PagePosition(new DateTimeOffset(ticks, TimeSpan.Zero), id)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

public static class Pages
{
    public const int MaxSize = 100;

    /// <summary>A page's <c>limit</c> (1 to 100) and <c>after</c> cursor, as every paged list takes them.</summary>
    public static (int Size, PagePosition? After) Read(string? limit, string? after, Dictionary<string, string[]> errors, int defaultSize = 20)
    {
        var size = defaultSize;
        if (limit is not null && (!int.TryParse(limit, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxSize))
        {
            errors["limit"] = [$"1 to {MaxSize} (default {defaultSize})."];
        }

        PagePosition? position = null;
        if (after is not null && (position = PageCursor.Read(after)) is null)
        {
            errors["after"] = ["Not a cursor this API gave out: pass the previous page's next."];
        }

        return (size, position);
    }
}
