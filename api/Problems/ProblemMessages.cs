using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace FlashSale.Api.Problems;

/// <summary>
/// Problem titles and field messages in the reader's language: English, or Simplified Chinese when
/// Accept-Language asks for it (ASP.NET Core's request localization chooses). Validators write English where
/// they find the fault, without the request at hand; the messages are translated here, as the problem is
/// written, from <c>ProblemMessages.{language}.resx</c> (keyed by that English), so every route's refusals
/// follow one rule. The <c>code</c> is never translated: clients switch on it.
/// </summary>
public sealed class ProblemMessages(IStringLocalizer<ProblemMessages> localizer)
{
    private static readonly CultureInfo[] Languages = [new("en"), new("zh-Hans"), new("zh")];
    private readonly ConcurrentDictionary<CultureInfo, MessageCatalog> _catalogs = new();

    /// <summary>
    /// Only the UI culture follows the reader: numbers, dates and CSV are written the same for everyone.
    /// </summary>
    internal static void ChooseByAcceptLanguage(RequestLocalizationOptions options)
    {
        options.DefaultRequestCulture = new RequestCulture(CultureInfo.CurrentCulture, Languages[0]);
        options.SupportedCultures = [CultureInfo.CurrentCulture];
        options.SupportedUICultures = Languages;
        options.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()];
    }

    public void Translate(ProblemDetails problem)
    {
        var catalog = _catalogs.GetOrAdd(CultureInfo.CurrentUICulture,
            _ => new MessageCatalog(localizer.GetAllStrings(includeParentCultures: true).Select(s => KeyValuePair.Create(s.Name, s.Value))));
        if (catalog.IsEmpty)
        {
            return;
        }

        problem.Title = problem.Title is null ? null : catalog.Translate(problem.Title);
        problem.Detail = problem.Detail is null ? null : catalog.Translate(problem.Detail);
        if (problem is HttpValidationProblemDetails { Errors: var errors })
        {
            foreach (var field in errors.Keys.ToList())
            {
                errors[field] = [.. errors[field].Select(catalog.Translate)];
            }
        }
    }
}
